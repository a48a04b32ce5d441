import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mediaSegment, type Sample } from '../mp4/index.ts';
import { decodeSampleIndex, SampleIndexEncoder, type IndexedFrame } from './sample-index.ts';
import { parseFragment } from './fragment-parse.ts';
import { BLOCK, freeBox, paddingFor } from './direct-io.ts';
import { fixtureStream } from './testing/fixture-stream.ts';

const stream = fixtureStream('h264-320x240-25fps.h264', 25);

describe('sample index', () => {
  test('round-trips frames, fragments and their file offsets', () => {
    const e = new SampleIndexEncoder();
    const frags: IndexedFrame[][] = [
      [{ duration: 3600, isKey: true, size: 9000 }, { duration: 3600, isKey: false, size: 700 }, { duration: 3599, isKey: false, size: 650 }],
      [{ duration: 3601, isKey: false, size: 800 }],
      [{ duration: 1, isKey: true, size: 12_000 }, { duration: 2 ** 33, isKey: false, size: 2 ** 31 }],
    ];
    for (const f of frags) e.addFragment(100 + f.length * 12, f);
    const d = decodeSampleIndex(e.bytes(), 900);
    assert.ok(d.ok);
    assert.deepEqual(d.index.frames.map(({ duration, isKey, size }) => ({ duration, isKey, size })), frags.flat());
    assert.deepEqual(d.index.fragments.map((f) => [f.offset, f.frameCount, f.decodeTime]), [
      [900, 3, 0],
      [900 + 136 + 10_350, 1, 10_799],
      [900 + 136 + 10_350 + 112 + 800, 2, 14_400],
    ]);
    assert.equal(d.index.frames[1]?.dataOffset, 900 + 136 + 9000);
    assert.equal(d.index.duration90k, 14_401 + 2 ** 33);
  });

  test('steady 25 fps costs about three bytes per frame', () => {
    const e = new SampleIndexEncoder();
    const samples = Array.from({ length: 25 * 60 }, (_, i) => stream.pictures[i % stream.pictures.length]!);
    for (let i = 0; i < samples.length; i += 25) {
      e.addFragment(400, samples.slice(i, i + 25).map((p) => ({ duration: 3600, isKey: p.isKey, size: p.data.length })));
    }
    const perMinute = e.bytes().length;
    assert.ok(perMinute < 5000, `${perMinute} bytes per stream-minute`);
  });

  test('rejects damage', () => {
    const e = new SampleIndexEncoder();
    e.addFragment(200, [{ duration: 3600, isKey: true, size: 500 }]);
    const b = e.bytes();
    assert.deepEqual(decodeSampleIndex(b.subarray(0, b.length - 1), 0), { ok: false, error: { kind: 'truncated', offset: 4 } });
    assert.equal(decodeSampleIndex(Uint8Array.of(2), 0).ok, false);
  });
});

describe('parseFragment', () => {
  const samples: Sample[] = stream.pictures.slice(0, 25).map((p) => ({ data: p.data, duration: 3600, isKey: p.isKey }));
  const seg = mediaSegment(3, 7200, samples);

  test('reads back what mediaSegment wrote', () => {
    const r = parseFragment(seg, 0, { sequence: 3, decodeTime: 7200 });
    assert.ok(r.ok);
    assert.equal(r.fragment.size, seg.length);
    assert.equal(r.fragment.frames.length, 25);
    assert.deepEqual(r.fragment.frames.map((f) => f.isKey), samples.map((s) => s.isKey));
    assert.equal(r.fragment.headerBytes, seg.length - samples.reduce((n, s) => n + s.data.length, 0));
  });

  test('skips the padding the recorder puts before a fragment, and counts it as header', () => {
    const pad = paddingFor(seg.length);
    const padded = new Uint8Array(pad + seg.length);
    padded.set(freeBox(pad));
    padded.set(seg, pad);
    assert.equal(padded.length % BLOCK, 0);
    const r = parseFragment(padded, 0, { sequence: 3, decodeTime: 7200 });
    assert.ok(r.ok);
    assert.equal(r.fragment.size, padded.length);
    assert.equal(r.fragment.headerBytes, padded.length - samples.reduce((n, s) => n + s.data.length, 0));
    assert.equal(r.fragment.frames.length, 25);
    // padding alone, or cut inside the padding, is a torn write
    assert.deepEqual(parseFragment(padded.subarray(0, pad), 0, { sequence: 3, decodeTime: 7200 }), { ok: false, error: 'incomplete' });
    assert.deepEqual(parseFragment(padded.subarray(0, Math.min(pad - 1, 100)), 0, { sequence: 3, decodeTime: 7200 }), { ok: false, error: 'incomplete' });
  });

  test('refuses torn, zeroed, misplaced and corrupted fragments', () => {
    const at = (b: Uint8Array, exp = { sequence: 3, decodeTime: 7200 }) => {
      const r = parseFragment(b, 0, exp);
      return r.ok ? 'ok' : r.error;
    };
    assert.equal(at(seg.subarray(0, seg.length - 1)), 'incomplete');
    assert.equal(at(seg.subarray(0, 100)), 'incomplete');
    assert.equal(at(new Uint8Array(4096)), 'bad-box');
    assert.equal(at(seg, { sequence: 4, decodeTime: 7200 }), 'unexpected-sequence');
    assert.equal(at(seg, { sequence: 3, decodeTime: 0 }), 'unexpected-decode-time');
    const zeroed = seg.slice();
    zeroed.fill(0, seg.length - 2000); // a tail that never reached the disk reads as zeros
    assert.equal(at(zeroed), 'bad-sample-data');
  });
});
