// The benchmark fixture is encoded once into a cache directory, then reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchFixtureArgs, benchFixtureName, ensureBenchFixture } from './bench-fixture.ts';
import { loadFixture } from './fixture.ts';

test('the default command is the 1080p25 4 Mbit/s single-slice encode without B-frames', () => {
  assert.equal(benchFixtureName(), 'bench-1920x1080-25fps-10s-4000k.h264');
  assert.deepEqual(benchFixtureArgs('/c/out.h264'), [
    '-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25', '-t', '10', '-c:v', 'libx264', '-preset', 'veryfast',
    '-b:v', '4000k', '-maxrate', '4000k', '-bufsize', '8000k', '-g', '50', '-bf', '0', '-x264-params', 'sliced-threads=0', '-pix_fmt', 'yuv420p', '-f', 'h264', '/c/out.h264',
  ]);
});

test('encodes when missing, reuses the cached file, and reports ffmpeg failures', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  try {
    const opts = { seconds: 0.4, kbps: 4000 };
    const path = await ensureBenchFixture(join(dir, 'cache'), opts);
    const f = loadFixture(path);
    assert.equal(`${f.width}x${f.height}`, '1920x1080');
    assert.equal(f.units.length, 10);
    const mtime = statSync(path).mtimeMs;
    assert.equal(await ensureBenchFixture(join(dir, 'cache'), opts), path);
    assert.equal(statSync(path).mtimeMs, mtime, 'not encoded again');
    // a cached file is trusted as is: no ffmpeg run at all
    writeFileSync(join(dir, benchFixtureName()), 'x');
    assert.equal(await ensureBenchFixture(dir, { ffmpeg: '/nonexistent/ffmpeg' }), join(dir, benchFixtureName()));
    await assert.rejects(ensureBenchFixture(join(dir, 'other'), { ffmpeg: '/nonexistent/ffmpeg' }));
    await assert.rejects(ensureBenchFixture(join(dir, 'other'), { ffmpeg: 'false' }), /ffmpeg exited with 1/);
    assert.throws(() => statSync(join(dir, 'other', benchFixtureName())), 'no half-written file left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
