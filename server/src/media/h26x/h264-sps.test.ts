import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseH264Sps } from './h264-sps.ts';
import { buildH264Config } from './avcc.ts';
import { fixtureNalus } from '../testing/packetizer.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const spsOf = (name: string): Uint8Array => fixtureNalus(name).find((n) => (n[0]! & 0x1f) === 7) as Uint8Array;
const ppsOf = (name: string): Uint8Array => fixtureNalus(name).find((n) => (n[0]! & 0x1f) === 8) as Uint8Array;

describe('parseH264Sps', () => {
  // SPS bytes produced by x264 (see make-fixtures.sh for the command style); expectations from ffprobe
  const table = [
    { name: 'fixture 320x240 High 1.3 25 fps', sps: spsOf('h264-320x240-25fps.h264'), profile: 100, level: 13, width: 320, height: 240, fps: 25, frameMbsOnly: true },
    { name: 'fixture 642x362 Main 3.0 30 fps (cropping)', sps: spsOf('h264-642x362-30fps.h264'), profile: 77, level: 30, width: 642, height: 362, fps: 30, frameMbsOnly: true },
    { name: '1920x1080 High 4.0 (8 rows cropped)', sps: hex('67640028acd940780227e5c044000003000400000300f03c60c658'), profile: 100, level: 40, width: 1920, height: 1080, fps: 30, frameMbsOnly: true },
    { name: '720x576 interlaced High 3.1', sps: hex('6764001facd940b424d80880000003008000001e0f8b16cb'), profile: 100, level: 31, width: 720, height: 576, fps: 30, frameMbsOnly: false },
    { name: '352x288 Constrained Baseline 1.3', sps: hex('6742c00dd9016096c044000003000400000300f03c50a920'), profile: 66, level: 13, width: 352, height: 288, fps: 30, frameMbsOnly: true },
    { name: '1280x720 High 4:4:4 (chroma_format_idc 3)', sps: hex('67f4001f919b280a00b76022000003000200000300781e30632c'), profile: 244, level: 31, width: 1280, height: 720, fps: 30, frameMbsOnly: true },
  ];
  for (const c of table) {
    test(c.name, () => {
      const r = parseH264Sps(c.sps);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.sps.profileIdc, c.profile);
      assert.equal(r.sps.levelIdc, c.level);
      assert.equal(r.sps.width, c.width);
      assert.equal(r.sps.height, c.height);
      assert.equal(r.sps.frameRate, c.fps);
      assert.equal(r.sps.frameMbsOnly, c.frameMbsOnly);
    });
  }

  test('4:4:4 SPS reports its chroma format', () => {
    const r = parseH264Sps(hex('67f4001f919b280a00b76022000003000200000300781e30632c'));
    assert.ok(r.ok);
    assert.equal(r.sps.chromaFormatIdc, 3);
  });

  const errors = [
    { name: 'a PPS is not an SPS', nal: hex('68ebe3cb22c0'), error: 'not-sps' },
    { name: 'empty', nal: new Uint8Array(), error: 'not-sps' },
    { name: 'truncated after the level', nal: hex('67640028ac'), error: 'truncated' },
    { name: 'chroma_format_idc out of range', nal: hex('6764002897ff'), error: 'out-of-range' },
  ];
  for (const c of errors) {
    test(`error: ${c.name}`, () => assert.deepEqual(parseH264Sps(c.nal), { ok: false, error: c.error }));
  }

  test('fuzz: random and mutated SPS never throw and give sane sizes', () => {
    const base = spsOf('h264-320x240-25fps.h264');
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.tuple(fc.nat(base.length - 1), fc.nat(255)).map(([i, v]) => {
        const m = base.slice();
        m[i] = v;
        return m;
      })), (nal) => {
        const r = parseH264Sps(nal);
        if (r.ok) assert.ok(r.sps.width > 0 && r.sps.width <= 16384 && r.sps.height > 0 && r.sps.height <= 16384);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildH264Config (avcC)', () => {
  test('fixture: record layout, High profile extension and codec string', () => {
    const sps = spsOf('h264-320x240-25fps.h264');
    const pps = ppsOf('h264-320x240-25fps.h264');
    const r = buildH264Config(sps, [pps]);
    assert.ok(r.ok);
    const a = r.config.avcC;
    assert.deepEqual([...a.subarray(0, 6)], [1, 0x64, sps[2], 0x0d, 0xff, 0xe1]);
    assert.equal((a[6]! << 8) | a[7]!, sps.length);
    assert.deepEqual(Buffer.from(a.subarray(8, 8 + sps.length)), Buffer.from(sps));
    assert.equal(a[8 + sps.length], 1);
    assert.equal(a.length, 6 + 2 + sps.length + 1 + 2 + pps.length + 4);
    assert.deepEqual([...a.subarray(a.length - 4)], [0xfd, 0xf8, 0xf8, 0]);
    assert.equal(r.config.codec, 'avc1.64000d');
  });

  test('Main profile has no extension bytes', () => {
    const sps = spsOf('h264-642x362-30fps.h264');
    const pps = ppsOf('h264-642x362-30fps.h264');
    const r = buildH264Config(sps, [pps]);
    assert.ok(r.ok);
    assert.equal(r.config.avcC.length, 6 + 2 + sps.length + 1 + 2 + pps.length);
    assert.equal(r.config.codec, 'avc1.4d401e');
  });

  test('errors are values', () => {
    assert.deepEqual(buildH264Config(spsOf('h264-320x240-25fps.h264'), []), { ok: false, error: 'no-pps' });
    assert.deepEqual(buildH264Config(hex('68ee'), [hex('68ee')]), { ok: false, error: 'not-sps' });
  });
});
