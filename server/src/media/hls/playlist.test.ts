import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPlaylist, parseHlsFile, type PlaylistInput, type PlaylistSegment } from './playlist.ts';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const seg = (msn: number, over: Partial<PlaylistSegment> = {}): PlaylistSegment => ({
  msn,
  duration: 2,
  programDateMs: T0 + msn * 2000,
  discontinuity: false,
  initId: 0,
  parts: [0.48, 0.48, 0.48, 0.48, 0.08].map((d, i) => ({ duration: d, independent: i === 0 })),
  complete: true,
  ...over,
});
const input = (segments: PlaylistSegment[], over: Partial<PlaylistInput> = {}): PlaylistInput => ({
  prefix: 'g1/',
  targetDuration: 4,
  partTarget: 0.5,
  discontinuitySequence: 0,
  segments,
  partWindowS: 12,
  ...over,
});
const lines = (p: string | null) => (p ?? '').trim().split('\n');

test('the header announces LL-HLS: part target, blocking reload, hold-back of three parts', () => {
  const l = lines(buildPlaylist(input([seg(7)])));
  assert.deepEqual(l.slice(0, 7), [
    '#EXTM3U',
    '#EXT-X-VERSION:9',
    '#EXT-X-TARGETDURATION:4',
    '#EXT-X-PART-INF:PART-TARGET=0.50000',
    '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.50000',
    '#EXT-X-MEDIA-SEQUENCE:7',
    '#EXT-X-DISCONTINUITY-SEQUENCE:0',
  ]);
  assert.equal(l[7], '#EXT-X-MAP:URI="g1/init-0.mp4"');
  assert.equal(l[8], '#EXT-X-PROGRAM-DATE-TIME:2026-11-22T10:00:14.000Z');
});

const cases: { name: string; segments: PlaylistSegment[]; over?: Partial<PlaylistInput>; expect: (l: string[]) => void }[] = [
  { name: 'no segment yet → null', segments: [], expect: (l) => assert.deepEqual(l, ['']) },
  { name: 'only an open segment → null (players need one whole segment)', segments: [seg(0, { complete: false })], expect: (l) => assert.deepEqual(l, ['']) },
  {
    name: 'parts precede their EXTINF; the open segment lists parts only; the hint names the next part',
    segments: [seg(0), seg(1, { complete: false, parts: [{ duration: 0.48, independent: true }, { duration: 0.48, independent: false }] })],
    expect: (l) => {
      const tail = l.slice(-4);
      assert.deepEqual(tail, [
        '#EXT-X-PROGRAM-DATE-TIME:2026-11-22T10:00:02.000Z',
        '#EXT-X-PART:DURATION=0.48000,URI="g1/part-1.0.m4s",INDEPENDENT=YES',
        '#EXT-X-PART:DURATION=0.48000,URI="g1/part-1.1.m4s"',
        '#EXT-X-PRELOAD-HINT:TYPE=PART,URI="g1/part-1.2.m4s"',
      ]);
      assert.ok(l.indexOf('#EXTINF:2.00000,') > l.indexOf('#EXT-X-PART:DURATION=0.08000,URI="g1/part-0.4.m4s"'));
      assert.equal(l[l.indexOf('#EXTINF:2.00000,') + 1], 'g1/seg-0.m4s');
    },
  },
  {
    name: 'a complete last segment hints part 0 of the next',
    segments: [seg(3)],
    expect: (l) => assert.equal(l.at(-1), '#EXT-X-PRELOAD-HINT:TYPE=PART,URI="g1/part-4.0.m4s"'),
  },
  {
    name: 'parts are listed only near the live edge',
    segments: [0, 1, 2, 3, 4, 5, 6, 7].map((n) => seg(n)),
    expect: (l) => {
      assert.ok(!l.some((x) => x.includes('part-0.')), 'old segments carry no parts');
      assert.ok(l.some((x) => x.includes('part-2.0')), 'segment 2 ends 10 s before the edge, within the 12 s part window');
    },
  },
  {
    name: 'a camera that came back: DISCONTINUITY then the new map',
    segments: [seg(0), seg(1, { discontinuity: true, initId: 1 })],
    expect: (l) => {
      const i = l.indexOf('#EXT-X-DISCONTINUITY');
      assert.ok(i > 0);
      assert.equal(l[i + 1], '#EXT-X-MAP:URI="g1/init-1.mp4"');
    },
  },
  {
    name: 'the first segment never carries a DISCONTINUITY tag (the sequence counts it)',
    segments: [seg(4, { discontinuity: true, initId: 1 })],
    over: { discontinuitySequence: 1 },
    expect: (l) => {
      assert.ok(!l.includes('#EXT-X-DISCONTINUITY'));
      assert.ok(l.includes('#EXT-X-DISCONTINUITY-SEQUENCE:1'));
    },
  },
];
for (const c of cases) test(`playlist: ${c.name}`, () => c.expect(lines(buildPlaylist(input(c.segments, c.over)))));

test('media file names parse back; anything else is refused', () => {
  assert.deepEqual(parseHlsFile('init-2.mp4'), { kind: 'init', id: 2 });
  assert.deepEqual(parseHlsFile('seg-41.m4s'), { kind: 'segment', msn: 41 });
  assert.deepEqual(parseHlsFile('part-41.3.m4s'), { kind: 'part', msn: 41, part: 3 });
  for (const bad of ['seg-1.mp4', '../seg-1.m4s', 'part-1.m4s', 'init-x.mp4', 'seg-1.m4s?x']) assert.equal(parseHlsFile(bad), null, bad);
});
