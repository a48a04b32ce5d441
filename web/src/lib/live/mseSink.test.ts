import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATCH_UP_RATE, liveEdge } from './mseSink.ts';

test('a playhead far behind the newest picture jumps to just before it', () => {
  assert.deepEqual(liveEdge([[10, 14]], 11, 1), { seek: 13.7, rate: 1 });
});

test('the jump never lands before the start of the newest range', () => {
  assert.equal(liveEdge([[0, 2], [12, 12.1]], 1, 1).seek, 12);
});

test('a playhead in a gap (the start, or a keyframe skip) moves to the next picture', () => {
  assert.deepEqual(liveEdge([[8, 8.04]], 0, 1), { seek: 8, rate: 1 });
  assert.deepEqual(liveEdge([[8, 9], [9.5, 9.9]], 9.2, 1), { seek: 9.5, rate: 1 });
});

test('a moderate lag is caught up by playing slightly faster, with hysteresis', () => {
  assert.deepEqual(liveEdge([[8, 10]], 9, 1), { seek: null, rate: CATCH_UP_RATE });
  assert.deepEqual(liveEdge([[8, 10]], 9.5, CATCH_UP_RATE), { seek: null, rate: CATCH_UP_RATE }, 'keeps the rate between the bounds');
  assert.deepEqual(liveEdge([[8, 10]], 9.5, 1), { seek: null, rate: 1 });
  assert.deepEqual(liveEdge([[8, 10]], 9.7, CATCH_UP_RATE), { seek: null, rate: 1 });
});

test('an empty buffer changes nothing', () => {
  assert.deepEqual(liveEdge([], 3, 1), { seek: null, rate: 1 });
});

test('a tighter jump threshold (startup, after the cached keyframe group arrives) lands near the newest picture', () => {
  assert.deepEqual(liveEdge([[8, 9]], 8, 1, 0.6), { seek: 8.7, rate: 1 });
});
