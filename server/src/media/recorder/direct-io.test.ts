import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { BLOCK, createRecordingFile, freeBox, paddingFor, padToBlocks, STAGE_BYTES, StagingPool, writeAligned } from './direct-io.ts';

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

describe('direct I/O recording writes', () => {
  test('padding makes any length whole blocks with a free box of at least 8 bytes', () => {
    for (const n of [1, 7, 100, BLOCK - 8, BLOCK - 7, BLOCK - 1, BLOCK, BLOCK + 1, 5 * BLOCK + 4093]) {
      const pad = paddingFor(n);
      assert.equal((n + pad) % BLOCK, 0, `length ${n}`);
      assert.ok(pad === 0 || pad >= 8, `length ${n}: pad ${pad}`);
    }
    const a = bytes(100, 1);
    const start = padToBlocks([a], 'start');
    assert.deepEqual([start.parts.length, start.parts[1], start.pad], [2, a, BLOCK - 100]);
    const end = padToBlocks([a], 'end');
    assert.deepEqual([end.parts[0], end.parts[1]!.length], [a, BLOCK - 100]);
    const whole = [bytes(BLOCK, 2)];
    assert.deepEqual(padToBlocks(whole, 'start'), { parts: whole, pad: 0 });
    const f = freeBox(20);
    assert.equal(new DataView(f.buffer).getUint32(0), 20);
    assert.equal(Buffer.from(f.subarray(4, 8)).toString('latin1'), 'free');
  });

  // the temporary folder is usually a disk filesystem; /dev/shm is tmpfs (direct I/O only since Linux 6.6)
  const places = [{ name: 'the temporary folder', dir: tmpdir() }, ...(existsSync('/dev/shm') ? [{ name: 'tmpfs', dir: '/dev/shm' }] : [])];
  for (const place of places) {
    test(`writes staged pieces larger than one staging buffer, in order, on ${place.name}`, async () => {
      const dir = mkdtempSync(join(place.dir, 'pantau-dio-'));
      try {
        const path = join(dir, 'a.mp4');
        const { fh } = await createRecordingFile(path);
        const pool = new StagingPool(2);
        const first = [bytes(1000, 1), bytes(STAGE_BYTES + 12_345, 2), bytes(333, 3)];
        const total1 = first.reduce((n, p) => n + p.length, 0);
        first.push(freeBox(paddingFor(total1)));
        const hash = createHash('sha256');
        const seen: number[] = [];
        const n1 = await writeAligned(fh, pool, first, 0, (b) => (hash.update(b), seen.push(b.length)));
        const second = [bytes(BLOCK, 4)];
        const n2 = await writeAligned(fh, pool, second, n1, (b) => (hash.update(b), seen.push(b.length)));
        await fh.close();
        const want = Buffer.concat([...first, ...second]);
        assert.equal(n1 + n2, want.length);
        assert.ok(seen.every((n) => n % BLOCK === 0 && n <= STAGE_BYTES), `staged pieces ${seen}`);
        const file = readFileSync(path);
        assert.ok(file.equals(want));
        assert.equal(hash.digest('hex'), createHash('sha256').update(want).digest('hex'));
        // the file must not exist already: a recording never overwrites another
        await assert.rejects(createRecordingFile(path), { code: 'EEXIST' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test('where the filesystem refuses O_DIRECT, the file is written through the page cache, the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-dio-'));
    try {
      const flags: number[] = [];
      // a filesystem that creates the file and then refuses the flag, as tmpfs did before Linux 6.6
      const refusing = async (path: string, f: number) => {
        flags.push(f);
        if (f & constants.O_DIRECT) {
          await (await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL)).close();
          throw Object.assign(new Error('EINVAL: invalid argument'), { code: 'EINVAL' });
        }
        return open(path, f);
      };
      const path = join(dir, 'c.mp4');
      const { fh, direct } = await createRecordingFile(path, refusing);
      assert.equal(direct, false);
      assert.equal(flags.length, 2);
      assert.equal(flags[1]! & constants.O_DIRECT, 0);
      const parts = [bytes(5000, 9), freeBox(paddingFor(5000))];
      await writeAligned(fh, new StagingPool(1), parts, 0, () => {});
      await fh.close();
      assert.ok(readFileSync(path).equals(Buffer.concat(parts)));
      // any other failure is not papered over
      const denied = async () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); };
      await assert.rejects(createRecordingFile(join(dir, 'd.mp4'), denied), { code: 'EACCES' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses a write that is not whole blocks instead of writing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-dio-'));
    try {
      const { fh } = await createRecordingFile(join(dir, 'b.mp4'));
      await assert.rejects(writeAligned(fh, new StagingPool(1), [bytes(100, 1)], 0, () => {}), RangeError);
      await fh.close();
      assert.equal(readFileSync(join(dir, 'b.mp4')).length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the staging pool lends at most its size and hands a returned buffer to the next in line', async () => {
    const pool = new StagingPool(2);
    const a = await pool.acquire();
    const b = await pool.acquire();
    assert.notEqual(a.byteOffset, b.byteOffset);
    assert.equal(a.length, STAGE_BYTES);
    let third: Uint8Array | null = null;
    const waiting = pool.acquire().then((c) => (third = c));
    await new Promise((r) => setImmediate(r));
    assert.equal(third, null);
    pool.release(a);
    await waiting;
    assert.equal(third!.byteOffset, a.byteOffset);
  });
});
