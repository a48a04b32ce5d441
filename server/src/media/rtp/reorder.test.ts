import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReorderBuffer, seqDistance, TimestampUnwrapper } from './reorder.ts';

const p = (sequenceNumber: number) => ({ sequenceNumber });
const seqs = (xs: { sequenceNumber: number }[]) => xs.map((x) => x.sequenceNumber);

function feed(input: number[], capacity = 4): { out: number[]; buf: ReorderBuffer<{ sequenceNumber: number }> } {
  const buf = new ReorderBuffer<{ sequenceNumber: number }>({ capacity });
  const out = input.flatMap((s) => seqs(buf.push(p(s))));
  return { out, buf };
}

describe('ReorderBuffer', () => {
  const table = [
    { name: 'in order passes straight through', input: [10, 11, 12], out: [10, 11, 12], stats: { lost: 0, late: 0, duplicate: 0, resets: 0 } },
    { name: 'swap is repaired', input: [10, 12, 11, 13], out: [10, 11, 12, 13], stats: { lost: 0, late: 0, duplicate: 0, resets: 0 } },
    { name: 'wrap at 65535', input: [65534, 0, 65535, 1], out: [65534, 65535, 0, 1], stats: { lost: 0, late: 0, duplicate: 0, resets: 0 } },
    { name: 'duplicate buffered packet', input: [1, 3, 3, 2], out: [1, 2, 3], stats: { lost: 0, late: 0, duplicate: 1, resets: 0 } },
    { name: 'late packet after delivery dropped', input: [1, 2, 3, 2], out: [1, 2, 3], stats: { lost: 0, late: 1, duplicate: 0, resets: 0 } },
    { name: 'loss: buffer over capacity skips the gap', input: [1, 3, 4, 5, 6, 7], out: [1, 3, 4, 5, 6, 7], stats: { lost: 1, late: 0, duplicate: 0, resets: 0 } },
    { name: 'sender restart far behind resynchronizes', input: [40000, 40001, 20000, 20001, 20002, 20003, 20004, 20005], out: [40000, 40001, 20004, 20005], stats: { lost: 0, late: 5, duplicate: 0, resets: 1 } },
  ];
  for (const c of table) {
    test(c.name, () => {
      const { out, buf } = feed(c.input);
      assert.deepEqual(out, c.out);
      assert.deepEqual(buf.stats, c.stats);
    });
  }

  test('a lost packet holds later ones until capacity, then they flow', () => {
    const { out, buf } = feed([1, 3, 4], 4);
    assert.deepEqual(out, [1]);
    assert.equal(buf.size, 2);
    assert.deepEqual(seqs(buf.flush()), [3, 4]);
    assert.equal(buf.stats.lost, 1);
  });

  test('seqDistance wraps', () => {
    assert.equal(seqDistance(65535, 0), 1);
    assert.equal(seqDistance(0, 65535), 65535);
  });

  test('fuzz: any shuffle within the window comes out sorted, size never exceeds capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 200 }), (start, jitter) => {
        const n = jitter.length;
        // each packet moves back at most 3 places: within a window of 8; the first one sets the start
        const order = jitter.map((j, i) => ({ key: i === 0 ? -1 : i + j * 0.9, seq: (start + i) & 0xffff })).sort((a, b) => a.key - b.key);
        const buf = new ReorderBuffer<{ sequenceNumber: number }>({ capacity: 8 });
        const out: number[] = [];
        for (const o of order) {
          out.push(...seqs(buf.push(p(o.seq))));
          assert.ok(buf.size <= 8);
        }
        out.push(...seqs(buf.flush()));
        assert.deepEqual(out, Array.from({ length: n }, (_, i) => (start + i) & 0xffff));
      }),
    );
  });

  test('fuzz: random sequence numbers never grow memory past capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 300 }), (xs) => {
        const buf = new ReorderBuffer<{ sequenceNumber: number }>({ capacity: 16 });
        for (const s of xs) {
          buf.push(p(s));
          assert.ok(buf.size <= 16);
        }
      }),
    );
  });
});

describe('TimestampUnwrapper', () => {
  const table = [
    { name: 'plain increase', input: [100, 3700, 7300], out: [100, 3700, 7300] },
    { name: 'wrap keeps counting', input: [0xffffff00, 0x000000f0], out: [0xffffff00, 0x1000000f0] },
    { name: 'two wraps', input: [0xfffffff0, 0x10, 0x70000010, 0xe0000010, 0x10], out: [0xfffffff0, 0x100000010, 0x170000010, 0x1e0000010, 0x200000010] },
    { name: 'small step back stays small', input: [1000, 900], out: [1000, 900] },
    { name: 'step back across the wrap', input: [0x10, 0xfffffff0], out: [0x10, -0x10] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const u = new TimestampUnwrapper();
      assert.deepEqual(c.input.map((t) => u.unwrap(t)), c.out);
    });
  }

  test('fuzz: increasing 64-bit times survive truncation to 32 bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 50 }), (start, steps) => {
        const u = new TimestampUnwrapper();
        let t = start;
        const base = start - (start % 2 ** 32);
        assert.equal(u.unwrap(t % 2 ** 32) + base, t);
        for (const s of steps) {
          t += s;
          assert.equal(u.unwrap(t % 2 ** 32) + base, t);
        }
      }),
    );
  });
});
