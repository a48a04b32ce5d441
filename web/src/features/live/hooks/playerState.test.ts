import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fallbackStream, playerReducer, retryable, type PlayerEvent, type PlayerState } from './playerState.ts';

const run = (events: PlayerEvent[], from: PlayerState = { name: 'connecting' }) => events.reduce(playerReducer, from);
const H264 = 'video/mp4; codecs="avc1.640028"';
const HEVC = 'video/mp4; codecs="hev1.1.6.L93.B0"';

test('the happy path: connecting → waiting for the keyframe → playing', () => {
  assert.equal(run([{ type: 'subscribe' }, { type: 'init', mime: H264, supported: true }]).name, 'waiting-keyframe');
  assert.equal(run([{ type: 'init', mime: H264, supported: true }, { type: 'frame-shown' }]).name, 'playing');
});

test('a codec the browser cannot decode is its own state, carrying the MIME type', () => {
  assert.deepEqual(run([{ type: 'init', mime: HEVC, supported: false }]), { name: 'unsupported-codec', mime: HEVC });
  assert.equal(run([{ type: 'init', mime: HEVC, supported: false }, { type: 'ended', reason: 'closed' }]).name, 'unsupported-codec');
});

test('a camera that disconnects goes offline with its reason, and plays again after a new init', () => {
  const off = run([{ type: 'init', mime: H264, supported: true }, { type: 'frame-shown' }, { type: 'ended', reason: 'timeout' }]);
  assert.deepEqual(off, { name: 'offline', reason: 'timeout' });
  assert.equal(playerReducer(off, { type: 'frame-shown' }).name, 'offline', 'the tail of the old buffer does not count');
  assert.equal(run([{ type: 'init', mime: H264, supported: true }, { type: 'frame-shown' }], off).name, 'playing');
});

test('server errors map to not-found, forbidden, or a coded error', () => {
  assert.equal(run([{ type: 'server-error', code: 'not_found' }]).name, 'not-found');
  assert.equal(run([{ type: 'server-error', code: 'forbidden' }]).name, 'forbidden');
  assert.deepEqual(run([{ type: 'server-error', code: 'too_many_channels' }]), { name: 'error', code: 'too_many_channels' });
  assert.deepEqual(run([{ type: 'decode-error' }]), { name: 'error', code: 'decode' });
});

test('camera status explains a waiting player, but never overrides a picture that plays', () => {
  assert.deepEqual(run([{ type: 'camera-status', status: 'offline', reason: 'connect-failed' }]), { name: 'offline', reason: 'connect-failed' });
  const playing = run([{ type: 'init', mime: H264, supported: true }, { type: 'frame-shown' }]);
  assert.equal(playerReducer(playing, { type: 'camera-status', status: 'error', reason: 'x' }).name, 'playing');
  assert.equal(run([{ type: 'camera-status', status: 'online', reason: null }], { name: 'offline', reason: 'x' }).name, 'connecting');
});

test('the socket dropping returns to connecting', () => {
  assert.equal(run([{ type: 'interrupted' }], { name: 'playing' }).name, 'connecting');
});

test('fallbacks: H.265 on the main stream tries the sub stream once; transient errors retry', () => {
  const hevc: PlayerState = { name: 'unsupported-codec', mime: HEVC };
  assert.equal(fallbackStream(hevc, 'main', new Set()), 'sub');
  assert.equal(fallbackStream(hevc, 'main', new Set(['sub'])), null);
  assert.equal(fallbackStream(hevc, 'sub', new Set()), null);
  const subDown = run([{ type: 'ended', reason: 'connect-failed' }]);
  assert.equal(fallbackStream(subDown, 'sub', new Set(), true), 'main', 'an unreachable sub stream of an online camera falls back to main');
  assert.equal(fallbackStream(subDown, 'sub', new Set(), false), null, 'a camera that is down stays on its stream');
  assert.equal(fallbackStream(subDown, 'main', new Set(['sub']), true), null);
  assert.equal(retryable({ name: 'error', code: 'media_unavailable' }), true);
  assert.equal(retryable({ name: 'error', code: 'bad_message' }), false);
  assert.equal(retryable({ name: 'not-found' }), false);
});
