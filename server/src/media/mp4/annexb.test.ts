import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { annexBToLengthPrefixed, splitAnnexB, splitLengthPrefixed, toAnnexB, toLengthPrefixed } from './annexb.ts';

const arr = (...b: number[]): Uint8Array => Uint8Array.from(b);
const list = (xs: Uint8Array[]): number[][] => xs.map((x) => [...x]);

describe('splitAnnexB', () => {
  const table = [
    { name: '4-byte start codes', input: arr(0, 0, 0, 1, 0x67, 1, 0, 0, 0, 1, 0x68, 2), out: [[0x67, 1], [0x68, 2]] },
    { name: '3-byte start codes', input: arr(0, 0, 1, 0x65, 9, 0, 0, 1, 0x41, 8), out: [[0x65, 9], [0x41, 8]] },
    { name: 'leading garbage and trailing zeros dropped', input: arr(7, 7, 0, 0, 1, 0x06, 5, 0, 0), out: [[0x06, 5]] },
    { name: 'no start code', input: arr(1, 2, 3), out: [] },
    { name: 'empty NAL between start codes skipped', input: arr(0, 0, 1, 0, 0, 1, 0x09, 0xf0), out: [[0x09, 0xf0]] },
  ];
  for (const c of table) test(c.name, () => assert.deepEqual(list(splitAnnexB(c.input)), c.out));
});

describe('length-prefixed', () => {
  test('toLengthPrefixed writes 4-byte big-endian lengths', () => {
    assert.deepEqual([...toLengthPrefixed([arr(0x65, 1, 2), arr(0x41)])], [0, 0, 0, 3, 0x65, 1, 2, 0, 0, 0, 1, 0x41]);
  });
  test('annexBToLengthPrefixed', () => {
    assert.deepEqual([...annexBToLengthPrefixed(arr(0, 0, 1, 0x67, 0, 0, 0, 1, 0x68))], [0, 0, 0, 1, 0x67, 0, 0, 0, 1, 0x68]);
  });
  const table = [
    { name: '2-byte lengths', data: arr(0, 2, 9, 9, 0, 1, 8), size: 2, out: { ok: true, n: 2 } },
    { name: 'truncated length', data: arr(0, 0, 0), size: 4, out: { ok: false, error: { kind: 'truncated', offset: 0 } } },
    { name: 'length past the end', data: arr(0, 0, 0, 1, 5, 0, 0, 0, 9, 1), size: 4, out: { ok: false, error: { kind: 'truncated', offset: 5 } } },
    { name: 'bad length size', data: arr(1), size: 3, out: { ok: false, error: { kind: 'bad-length-size', lengthSize: 3 } } },
  ];
  for (const c of table) {
    test(`splitLengthPrefixed: ${c.name}`, () => {
      const r = splitLengthPrefixed(c.data, c.size);
      if (r.ok) assert.deepEqual({ ok: true, n: r.nals.length }, c.out);
      else assert.deepEqual(r, c.out);
    });
  }
  test('fuzz: Annex B and length-prefixed round trips', () => {
    // NAL units that end in a non-zero byte and hold no start-code pattern survive both ways
    const nal = fc.uint8Array({ minLength: 1, maxLength: 40 }).map((a) => a.map((b) => (b < 4 ? b + 4 : b)));
    fc.assert(
      fc.property(fc.array(nal, { maxLength: 10 }), (nals) => {
        assert.deepEqual(list(splitAnnexB(toAnnexB(nals))), list(nals));
        const r = splitLengthPrefixed(toLengthPrefixed(nals));
        assert.ok(r.ok);
        assert.deepEqual(list(r.nals), list(nals));
      }),
    );
  });
});
