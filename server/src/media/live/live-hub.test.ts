import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveHub, type LiveViewer } from './live-hub.ts';
import type { RunStart } from '../types.ts';

const track = { sampleEntry: 'avc1', decoderConfig: new Uint8Array([1, 0x42, 0xc0, 0x1e, 0xff, 0xe0, 0]), codec: 'avc1.42c01e', width: 320, height: 240 } as const;
const run = (firstPts: number): RunStart => ({ cameraId: 'c', stream: 'main', track, startedAtMs: 0, firstPts });
const pic = (pts: number, isKey: boolean, size = 100) => ({ pts, isKey, data: new Uint8Array(size), receivedAtMs: 0 });

/** Reads the tfdt (base media decode time) of a fragment. */
function tfdt(frag: Uint8Array): number {
  for (let i = 0; i + 8 < frag.length; i++) {
    if (frag[i] === 0x74 && frag[i + 1] === 0x66 && frag[i + 2] === 0x64 && frag[i + 3] === 0x74) {
      const v = new DataView(frag.buffer, frag.byteOffset + i + 4);
      return v.getUint8(0) === 1 ? Number(v.getBigUint64(4)) : v.getUint32(4);
    }
  }
  throw new Error('no tfdt');
}

function viewer(backlog = () => 0) {
  const got: { kind: string; isKey?: boolean; bytes?: Uint8Array }[] = [];
  const v: LiveViewer = {
    backlog,
    init: (mime) => got.push({ kind: `init:${mime}` }),
    fragment: (bytes, isKey) => got.push({ kind: 'frag', isKey, bytes }),
    ended: (r) => got.push({ kind: `ended:${r}` }),
  };
  return { v, got };
}

test('a new viewer gets init and the cached keyframe group at once, then live fragments', () => {
  const hub = new LiveHub();
  hub.startRun(run(1000));
  hub.push(pic(1000, true));
  hub.push(pic(4600, false));
  hub.push(pic(8200, false));
  const { v, got } = viewer();
  hub.subscribe(v);
  assert.deepEqual(got.map((g) => g.kind), ['init:video/mp4; codecs="avc1.42c01e"', 'frag', 'frag', 'frag']);
  assert.equal(got[1]!.isKey, true);
  hub.push(pic(11800, false));
  assert.equal(got.length, 5);
  assert.deepEqual(got.slice(1).map((g) => tfdt(g.bytes!)), [0, 3600, 7200, 10800]);
});

test('a viewer arriving before the first keyframe waits for it', () => {
  const hub = new LiveHub();
  hub.startRun(run(0));
  const { v, got } = viewer();
  hub.subscribe(v);
  hub.push(pic(0, false));
  hub.push(pic(3600, true));
  assert.deepEqual(got.map((g) => `${g.kind}${g.isKey ? '+key' : ''}`), ['init:video/mp4; codecs="avc1.42c01e"', 'frag+key']);
});

test('a slow viewer skips to the next keyframe instead of queueing', () => {
  const hub = new LiveHub({ maxViewerBacklog: 1000 });
  hub.startRun(run(0));
  let backlog = 0;
  const { v, got } = viewer(() => backlog);
  hub.subscribe(v);
  hub.push(pic(0, true));
  backlog = 5000;
  hub.push(pic(3600, false));
  hub.push(pic(7200, false));
  backlog = 0;
  hub.push(pic(10800, false)); // still mid-GOP: must not resume on a delta frame
  hub.push(pic(14400, true));
  hub.push(pic(18000, false));
  assert.deepEqual(got.filter((g) => g.kind === 'frag').map((g) => tfdt(g.bytes!)), [0, 14400, 18000]);
  assert.equal(hub.counters.skippedForBacklog, 1);
});

test('decode time continues across runs and never goes backwards', () => {
  const hub = new LiveHub();
  const { v, got } = viewer();
  hub.subscribe(v);
  hub.startRun(run(500_000));
  hub.push(pic(500_000, true));
  hub.push(pic(503_600, false));
  hub.endRun('closed');
  hub.startRun(run(10)); // camera restarted its RTP clock
  hub.push(pic(10, true));
  hub.push(pic(3610, false));
  const times = got.filter((g) => g.kind === 'frag').map((g) => tfdt(g.bytes!));
  assert.deepEqual(times, [0, 3600, 7200, 10800]);
  assert.ok(got.some((g) => g.kind === 'ended:closed'));
});

test('the GOP cache is bounded', () => {
  const hub = new LiveHub({ maxGopBytes: 2000 });
  hub.startRun(run(0));
  hub.push(pic(0, true, 500));
  for (let i = 1; i < 20; i++) hub.push(pic(i * 3600, false, 500));
  assert.ok(hub.cachedBytes <= 2000);
  const { v, got } = viewer();
  hub.subscribe(v);
  assert.equal(got.filter((g) => g.kind === 'frag').length, 0, 'an evicted group is not half-sent');
});
