import { test } from 'node:test';
import assert from 'node:assert/strict';
import { after, blockingQuery, parsePlaylist, startPosition, unitAt } from './playlist.ts';
import { mimeOfInit } from './codec.ts';
import { edgeDecision } from './sink.ts';

// what the server sends (shape of server/src/media/hls/playlist.ts): segment 40 old (no parts),
// 41 complete with parts, 42 open, a discontinuity with a new map at 41
const TEXT = `#EXTM3U
#EXT-X-VERSION:9
#EXT-X-TARGETDURATION:4
#EXT-X-PART-INF:PART-TARGET=0.50000
#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.50000
#EXT-X-MEDIA-SEQUENCE:40
#EXT-X-DISCONTINUITY-SEQUENCE:0
#EXT-X-MAP:URI="g1/init-0.mp4"
#EXT-X-PROGRAM-DATE-TIME:2026-11-22T10:00:00.000Z
#EXTINF:2.00000,
g1/seg-40.m4s
#EXT-X-DISCONTINUITY
#EXT-X-MAP:URI="g1/init-1.mp4"
#EXT-X-PROGRAM-DATE-TIME:2026-11-22T10:00:05.000Z
#EXT-X-PART:DURATION=0.48000,URI="g1/part-41.0.m4s",INDEPENDENT=YES
#EXT-X-PART:DURATION=0.48000,URI="g1/part-41.1.m4s"
#EXT-X-PART:DURATION=0.48000,URI="g1/part-41.2.m4s"
#EXT-X-PART:DURATION=0.48000,URI="g1/part-41.3.m4s"
#EXT-X-PART:DURATION=0.08000,URI="g1/part-41.4.m4s"
#EXTINF:2.00000,
g1/seg-41.m4s
#EXT-X-PROGRAM-DATE-TIME:2026-11-22T10:00:07.000Z
#EXT-X-PART:DURATION=0.48000,URI="g1/part-42.0.m4s",INDEPENDENT=YES
#EXT-X-PRELOAD-HINT:TYPE=PART,URI="g1/part-42.1.m4s"
`;

test('a playlist is parsed into units in playback order, with their maps', () => {
  const p = parsePlaylist(TEXT)!;
  assert.equal(p.mediaSequence, 40);
  assert.equal(p.partTarget, 0.5);
  assert.equal(p.partHoldBack, 1.5);
  assert.equal(p.canBlockReload, true);
  assert.deepEqual(p.units.map((u) => `${u.msn}.${u.part ?? '*'}`), ['40.*', '41.0', '41.1', '41.2', '41.3', '41.4', '42.0']);
  assert.equal(p.units[0]!.map, 'g1/init-0.mp4');
  assert.equal(p.units[1]!.map, 'g1/init-1.mp4');
  assert.equal(p.units[6]!.segmentComplete, false);
  assert.equal(parsePlaylist('<html>'), null);
});

test('a player joins at the latest keyframe at least the hold-back before the edge', () => {
  const p = parsePlaylist(TEXT)!;
  assert.deepEqual(startPosition(p, 1.5), { msn: 41, part: 0 });
  assert.deepEqual(startPosition(p, 0.3), { msn: 42, part: 0 });
  assert.deepEqual(startPosition(p, 60), { msn: 40, part: 0 }, 'the oldest keyframe when the window is short');
});

test('following the playlist: next part, the next segment when one ended early, behind, not yet', () => {
  const p = parsePlaylist(TEXT)!;
  assert.equal((unitAt(p, { msn: 41, part: 2 }) as { uri: string }).uri, 'g1/part-41.2.m4s');
  assert.equal((unitAt(p, { msn: 41, part: 5 }) as { uri: string }).uri, 'g1/part-42.0.m4s');
  assert.equal((unitAt(p, { msn: 40, part: 0 }) as { uri: string }).uri, 'g1/seg-40.m4s');
  assert.equal(unitAt(p, { msn: 39, part: 0 }), 'behind');
  assert.equal(unitAt(p, { msn: 42, part: 1 }), null);
  assert.deepEqual(after(p.units[0]!), { msn: 41, part: 0 });
  assert.deepEqual(after(p.units[6]!), { msn: 42, part: 1 });
  assert.equal(blockingQuery({ msn: 42, part: 1 }), '_HLS_msn=42&_HLS_part=1');
});

test('the codec string comes from the init segment', () => {
  const avcC = new Uint8Array([0, 0, 0, 15, 0x61, 0x76, 0x63, 0x43, 1, 0x64, 0x00, 0x28, 0xff, 0xe1, 0]);
  assert.equal(mimeOfInit(avcC), 'video/mp4; codecs="avc1.640028"');
  // hvcC of a Main profile, level 4.1 stream: general_profile_compatibility 0x60000000, constraints 0x90
  const hvcC = new Uint8Array([0, 0, 0, 0, 0x68, 0x76, 0x63, 0x31, 0, 0, 0, 30, 0x68, 0x76, 0x63, 0x43, 1, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 123]);
  assert.equal(mimeOfInit(hvcC), 'video/mp4; codecs="hvc1.1.6.L123.90"');
  assert.equal(mimeOfInit(new Uint8Array(40)), null);
});

test('the playhead stays about the hold-back behind the edge', () => {
  assert.deepEqual(edgeDecision([[0, 10]], 2, 1.5), { seek: 8.5, rate: 1 }, 'far behind: jump');
  assert.deepEqual(edgeDecision([[0, 10]], 7, 1.5), { seek: null, rate: 1.08 }, 'somewhat behind: faster');
  assert.deepEqual(edgeDecision([[0, 10]], 8.6, 1.5), { seek: null, rate: 1 });
  assert.deepEqual(edgeDecision([[0, 1], [4, 5]], 2, 1.5), { seek: 4, rate: 1 }, 'in a gap: to the next picture');
  assert.deepEqual(edgeDecision([], 0, 1.5), { seek: null, rate: 1 });
  assert.deepEqual(edgeDecision([[0, 4]], 1, 1.5, 2), { seek: 2.5, rate: 1 }, 'while joining a smaller excess jumps');
});
