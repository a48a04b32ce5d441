import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaybackItem } from '@pantau/shared';
import { driftTolerance, fileOffset, frameMs, gridColumns, itemAt, liveEdge, needsRefresh, nextStart, nudgedRate, playbackWindow } from './playbackModel.ts';

const T0 = Date.parse('2026-11-22T03:00:00Z');
const item = (startS: number, endS: number, kfS = startS, fps = 25): PlaybackItem => ({
  start: new Date(T0 + startS * 1000).toISOString(),
  end: new Date(T0 + endS * 1000).toISOString(),
  keyframeStart: new Date(T0 + kfS * 1000).toISOString(),
  url: `/v/${startS}.mp4`,
  codec: 'avc1.640028',
  width: 320,
  height: 240,
  fps,
});

test('grid sizes are 1, 2×2 and 3×3', () => {
  assert.deepEqual([1, 2, 4, 5, 9].map(gridColumns), [1, 2, 2, 3, 3]);
});

test('the item covering an instant, and where playback resumes after a gap', () => {
  const items = [item(0, 60), item(90, 120)];
  assert.equal(itemAt(items, T0 + 59_999)?.url, '/v/0.mp4');
  assert.equal(itemAt(items, T0 + 60_000), null, 'the end is exclusive');
  assert.equal(itemAt(items, T0 + 95_000)?.url, '/v/90.mp4');
  assert.equal(nextStart(items, T0 + 70_000), T0 + 90_000);
  assert.equal(nextStart(items, T0 + 100_000), null);
});

test('the file offset counts from the keyframe before the start', () => {
  assert.equal(fileOffset(item(10, 60, 8), T0 + 10_000), 2);
  assert.equal(fileOffset(item(10, 60, 8), T0 + 7_000), 0);
});

test('the playback window is whole hours around the instant', () => {
  const w = playbackWindow(T0 + 25 * 60_000);
  assert.equal(w.from, '2026-11-22T02:00:00.000Z');
  assert.equal(w.to, '2026-11-22T05:00:00.000Z');
});

test('drift tolerance: exact frames when paused, looser at high speed', () => {
  assert.equal(driftTolerance(false, 16), 0.02);
  assert.equal(driftTolerance(true, 1), 0.3);
  assert.ok(driftTolerance(true, 16) > 2);
  assert.equal(frameMs(item(0, 1, 0, 10)), 100);
  assert.equal(frameMs(null), 40);
});

test('small drifts are pulled back by the rate, within ±10 % and never above 16×', () => {
  assert.equal(nudgedRate(1, 0.01), 1, 'close enough: the clock rate');
  assert.ok(Math.abs(nudgedRate(1, 0.1) - 0.95) < 1e-9, 'ahead by 100 ms: 5 % slower');
  assert.ok(Math.abs(nudgedRate(2, -0.1) - 2.1) < 1e-9, 'behind: faster');
  assert.ok(Math.abs(nudgedRate(1, 5) - 0.9) < 1e-9, 'at most 10 %');
  assert.equal(nudgedRate(16, -1), 16, 'browsers refuse more than 16×');
});

test('items are asked for again only when playing up to the end of what is known', () => {
  const items = [item(0, 60)];
  const end = T0 + 60_000;
  assert.equal(needsRefresh(items, end - 30_000, end + 10_000), false, 'far from the known end');
  assert.equal(needsRefresh(items, end - 5_000, end + 10_000), true, 'near the end, and the recorder has moved on');
  assert.equal(needsRefresh(items, end - 5_000, end + 1_000), false, 'the known end is now: nothing new yet');
  assert.equal(needsRefresh([], end, end + 30_000), true, 'nothing known, near now');
  assert.equal(needsRefresh([], end - 3_600_000, end), false, 'nothing known, long ago');
});

test('the clock waits at the end of a recording that is still being written, not at an old one', () => {
  const items = [item(0, 60)];
  const end = T0 + 60_000;
  assert.equal(liveEdge(items, end - 5_000, end + 3_000), null, 'not at the end yet');
  assert.equal(liveEdge(items, end - 100, end + 3_000), end - 300, 'at the end of a fresh recording: wait just before it');
  assert.equal(liveEdge(items, end + 2_000, end + 3_000), end - 300, 'overshot (fast speed): back to the edge');
  assert.equal(liveEdge(items, end - 100, end + 120_000), null, 'the recording stopped long ago: no waiting');
  assert.equal(liveEdge([], end, end), null);
});
