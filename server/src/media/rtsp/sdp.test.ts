import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { h264Fmtp, h265Fmtp, parseSdp, resolveControl } from './sdp.ts';
import { parseH264Sps } from '../h26x/h264-sps.ts';

// Shaped like a Hikvision DS-2CD camera's DESCRIBE answer (control URLs absolute, audio track)
const hikvision = [
  'v=0',
  'o=- 1109162014219182 1109162014219192 IN IP4 x.y.z.w',
  's=Media Presentation',
  'e=NONE',
  'b=AS:5050',
  't=0 0',
  'a=control:rtsp://10.0.0.5:554/Streaming/Channels/101/',
  'm=video 0 RTP/AVP 96',
  'c=IN IP4 0.0.0.0',
  'b=AS:5000',
  'a=recvonly',
  'a=x-dimensions:1920,1080',
  'a=control:rtsp://10.0.0.5:554/Streaming/Channels/101/trackID=1',
  'a=rtpmap:96 H264/90000',
  'a=fmtp:96 profile-level-id=420029; packetization-mode=1; sprop-parameter-sets=Z2QAKKzZQHgCJ+XARAAAAwAEAAADAPA8YMZY,aOvjyyLA',
  'm=audio 0 RTP/AVP 8',
  'a=control:rtsp://10.0.0.5:554/Streaming/Channels/101/trackID=2',
  '',
].join('\r\n');

// Shaped like gst-rtsp-server: session control "*", relative media control, LF line endings
const gst = ['v=0', 'o=- 1188340656180883 1 IN IP4 127.0.0.1', 's=Session streamed with GStreamer', 't=0 0', 'a=tool:GStreamer', 'a=type:broadcast', 'a=control:*', 'a=range:npt=now-', 'm=video 0 RTP/AVP 96', 'c=IN IP4 0.0.0.0', 'a=rtpmap:96 H265/90000', 'a=framerate:25', 'a=fmtp:96 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwA8lZgJ;sprop-sps=QgEBAWAAAAMAkAAAAwAAAwA8oAoIDxZZZWSQq8AQAAADABAAAAMBkIA=;sprop-pps=RAHBcrRiQA==', 'a=control:stream=0', 'a=ts-refclk:local', ''].join('\n');

describe('parseSdp', () => {
  test('Hikvision-style: absolute controls, fmtp, static audio type', () => {
    const r = parseSdp(hikvision, 'rtsp://10.0.0.5:554/Streaming/Channels/101');
    assert.ok(r.ok);
    const { sdp } = r;
    assert.equal(sdp.sessionName, 'Media Presentation');
    assert.equal(sdp.control, 'rtsp://10.0.0.5:554/Streaming/Channels/101/');
    assert.equal(sdp.media.length, 2);
    const [video, audio] = sdp.media;
    assert.deepEqual(video && { kind: video.kind, pts: video.payloadTypes, rtpmap: video.rtpmap, control: video.control, dir: video.direction }, {
      kind: 'video', pts: [96], rtpmap: { encoding: 'H264', clockRate: 90000, channels: null }, control: 'rtsp://10.0.0.5:554/Streaming/Channels/101/trackID=1', dir: 'recvonly',
    });
    assert.deepEqual(audio?.rtpmap, { encoding: 'PCMA', clockRate: 8000, channels: 1 });
    const h = h264Fmtp(video?.fmtp ?? new Map());
    assert.equal(h.packetizationMode, 1);
    assert.equal(h.profileLevelId, '420029');
    assert.equal(h.sps.length, 1);
    assert.equal(h.pps.length, 1);
    const sps = parseH264Sps(h.sps[0] as Uint8Array);
    assert.ok(sps.ok);
    assert.deepEqual([sps.sps.width, sps.sps.height], [1920, 1080]);
  });

  test('gst-rtsp-server style: aggregate "*" and relative media control; H.265 sprops', () => {
    const r = parseSdp(gst, 'rtsp://127.0.0.1:8554/test/');
    assert.ok(r.ok);
    assert.equal(r.sdp.control, 'rtsp://127.0.0.1:8554/test/');
    const video = r.sdp.media[0];
    assert.equal(video?.control, 'rtsp://127.0.0.1:8554/test/stream=0');
    assert.equal(video?.rtpmap?.encoding, 'H265');
    const h = h265Fmtp(video?.fmtp ?? new Map());
    assert.deepEqual([h.vps.length, h.sps.length, h.pps.length, h.maxDonDiff], [1, 1, 1, 0]);
    assert.equal(((h.sps[0]?.[0] ?? 0) >> 1) & 0x3f, 33);
  });

  test('media without control uses the base URL; unknown dynamic type has no rtpmap', () => {
    const r = parseSdp('v=0\ns=\nm=video 0 RTP/AVP 97\n', 'rtsp://cam/live');
    assert.ok(r.ok);
    assert.equal(r.sdp.media[0]?.control, 'rtsp://cam/live');
    assert.equal(r.sdp.media[0]?.rtpmap, null);
  });

  test('errors: not SDP, too large', () => {
    assert.deepEqual(parseSdp('<html>nope</html>', 'rtsp://x'), { ok: false, error: 'not-sdp' });
    assert.deepEqual(parseSdp('v=0\n' + 'a=x\n'.repeat(20000), 'rtsp://x'), { ok: false, error: 'too-large' });
  });

  test('fmtp for another payload type is ignored', () => {
    const r = parseSdp('v=0\nm=video 0 RTP/AVP 96 97\na=rtpmap:97 H265/90000\na=rtpmap:96 H264/90000\na=fmtp:97 packetization-mode=1\n', 'rtsp://x');
    assert.ok(r.ok);
    assert.equal(r.sdp.media[0]?.rtpmap?.encoding, 'H264');
    assert.equal(r.sdp.media[0]?.fmtp.size, 0);
  });
});

describe('resolveControl (RFC 2326 C.1.1)', () => {
  const table = [
    { base: 'rtsp://cam/s/', control: 'trackID=1', out: 'rtsp://cam/s/trackID=1' },
    { base: 'rtsp://cam/s', control: 'trackID=1', out: 'rtsp://cam/s/trackID=1' },
    { base: 'rtsp://cam/s', control: 'rtsp://other/t', out: 'rtsp://other/t' },
    { base: 'rtsp://cam/s', control: 'RTSP://Other/t', out: 'RTSP://Other/t' },
    { base: 'rtsp://cam:554/s?x=1', control: '*', out: 'rtsp://cam:554/s?x=1' },
    { base: 'rtsp://cam/s', control: undefined, out: 'rtsp://cam/s' },
    { base: 'rtsp://cam:8554/a/b', control: '/media/track1', out: 'rtsp://cam:8554/media/track1' },
  ];
  for (const c of table) test(`${c.base} + ${c.control}`, () => assert.equal(resolveControl(c.base, c.control), c.out));
});

describe('parseSdp fuzz', () => {
  test('random text never throws; media count is bounded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const r = parseSdp(s, 'rtsp://x/');
        if (r.ok) assert.ok(r.sdp.media.length <= 32);
      }),
      { numRuns: 1000 },
    );
  });

  test('mutated real SDP lines never throw', () => {
    const lines = hikvision.split('\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), fc.nat(200), fc.string({ maxLength: 20 })), { maxLength: 10 }), (muts) => {
        const ls = [...lines];
        for (const [i, at, s] of muts) {
          const l = ls[i] ?? '';
          ls[i] = l.slice(0, at % (l.length + 1)) + s + l.slice(at % (l.length + 1));
        }
        const r = parseSdp(ls.join('\r\n'), 'rtsp://x');
        if (r.ok) for (const m of r.sdp.media) void h264Fmtp(m.fmtp), h265Fmtp(m.fmtp);
      }),
      { numRuns: 1000 },
    );
  });

  test('many m= lines are capped', () => {
    const r = parseSdp('v=0\n' + 'm=video 0 RTP/AVP 96\n'.repeat(100), 'rtsp://x');
    assert.ok(r.ok);
    assert.equal(r.sdp.media.length, 32);
  });
});
