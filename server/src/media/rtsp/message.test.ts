import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getHeader, getHeaders, RtspStreamParser, type RtspStreamEvent } from './message.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const frame = (channel: number, payload: number[]): Uint8Array => Uint8Array.from([0x24, channel, payload.length >> 8, payload.length & 0xff, ...payload]);
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));

/** Events as plain JSON-able values for comparison. */
function plain(events: RtspStreamEvent[]): unknown[] {
  return events.map((e) => ('body' in e ? { ...e, body: Buffer.from(e.body).toString() } : 'payload' in e ? { ...e, payload: [...e.payload] } : e));
}

const SDP = 'v=0\r\ns=x\r\n';
const describeResponse = `RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Base: rtsp://cam/s/\r\nContent-Type: application/sdp\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`;
const stream = cat(enc('RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n'), frame(0, [0x80, 0x60, 1, 2]), enc(describeResponse), frame(1, []), enc('GET_PARAMETER rtsp://cam/s RTSP/1.0\r\nCSeq: 9\r\n\r\n'));
const expected = [
  { kind: 'response', status: 200, reason: 'OK', headers: [['CSeq', '1'], ['Public', 'OPTIONS, DESCRIBE']], body: '' },
  { kind: 'interleaved', channel: 0, payload: [0x80, 0x60, 1, 2] },
  { kind: 'response', status: 200, reason: 'OK', headers: [['CSeq', '2'], ['Content-Base', 'rtsp://cam/s/'], ['Content-Type', 'application/sdp'], ['Content-Length', String(SDP.length)]], body: SDP },
  { kind: 'interleaved', channel: 1, payload: [] },
  { kind: 'request', method: 'GET_PARAMETER', url: 'rtsp://cam/s', headers: [['CSeq', '9']], body: '' },
];

describe('RtspStreamParser', () => {
  test('responses, a server request and interleaved frames in one chunk', () => {
    assert.deepEqual(plain(new RtspStreamParser().push(stream)), expected);
  });

  test('the same stream split at every byte boundary gives the same events', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      const p = new RtspStreamParser();
      const events = [...p.push(stream.subarray(0, cut)), ...p.push(stream.subarray(cut))];
      assert.deepEqual(plain(events), expected, `cut at ${cut}`);
      assert.equal(p.bufferedBytes, 0);
    }
  });

  test('byte-by-byte delivery', () => {
    const p = new RtspStreamParser();
    const events = [...stream].flatMap((b) => p.push(Uint8Array.of(b)));
    assert.deepEqual(plain(events), expected);
  });

  const table: { name: string; input: Uint8Array; events: unknown[]; failed?: boolean }[] = [
    { name: 'LF-only line endings (some cameras)', input: enc('RTSP/1.0 401 Unauthorized\nCSeq: 3\nWWW-Authenticate: Basic realm="a"\n\n'), events: [{ kind: 'response', status: 401, reason: 'Unauthorized', headers: [['CSeq', '3'], ['WWW-Authenticate', 'Basic realm="a"']], body: '' }] },
    { name: 'folded header line and junk line', input: enc('RTSP/1.0 200 OK\r\nX-A: one\r\n two\r\njunk\r\n\r\n'), events: [{ kind: 'response', status: 200, reason: 'OK', headers: [['X-A', 'one two']], body: '' }] },
    { name: 'status without reason', input: enc('RTSP/1.0 454\r\n\r\n'), events: [{ kind: 'response', status: 454, reason: '', headers: [], body: '' }] },
    { name: 'garbage before a frame is reported once and skipped', input: cat(enc('\x01\x02zz'), frame(2, [9])), events: [{ kind: 'error', code: 'garbage', fatal: false, bytes: 4 }, { kind: 'interleaved', channel: 2, payload: [9] }] },
    { name: 'bad start line skipped, next message still parsed', input: enc('RTSPX 1 2\r\n\r\nRTSP/1.0 200 OK\r\n\r\n'), events: [{ kind: 'error', code: 'bad-start-line', fatal: false }, { kind: 'response', status: 200, reason: 'OK', headers: [], body: '' }] },
    { name: 'negative content-length is fatal', input: enc('RTSP/1.0 200 OK\r\nContent-Length: -1\r\n\r\n'), events: [{ kind: 'error', code: 'bad-content-length', fatal: true }], failed: true },
    { name: 'conflicting content-lengths are fatal', input: enc('RTSP/1.0 200 OK\r\nContent-Length: 1\r\ncontent-length: 2\r\n\r\nab'), events: [{ kind: 'error', code: 'bad-content-length', fatal: true }], failed: true },
    { name: 'absurd content-length is fatal before any body is buffered', input: enc('RTSP/1.0 200 OK\r\nContent-Length: 999999999\r\n\r\n'), events: [{ kind: 'error', code: 'body-too-large', fatal: true }], failed: true },
  ];
  for (const c of table) {
    test(c.name, () => {
      const p = new RtspStreamParser();
      assert.deepEqual(plain(p.push(c.input)), c.events);
      assert.equal(p.failed, c.failed ?? false);
    });
  }

  test('a header block that never ends is fatal at the cap and nothing more is buffered', () => {
    const p = new RtspStreamParser({ maxHeaderBytes: 1024 });
    assert.deepEqual(p.push(enc('RTSP/1.0 200 OK\r\n')), []);
    let events: RtspStreamEvent[] = [];
    for (let i = 0; i < 100 && events.length === 0; i++) {
      events = p.push(enc('X-Pad: aaaaaaaaaaaaaaaaaaaa\r\n'));
      assert.ok(p.bufferedBytes < 1024);
    }
    assert.deepEqual(events, [{ kind: 'error', code: 'header-too-large', fatal: true }]);
    assert.deepEqual(p.push(enc('RTSP/1.0 200 OK\r\n\r\n')), []);
    assert.equal(p.bufferedBytes, 0);
  });

  test('a partial body waits for the rest', () => {
    const p = new RtspStreamParser();
    assert.deepEqual(p.push(enc('RTSP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nab')), []);
    assert.equal(p.bufferedBytes, 'RTSP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nab'.length);
    assert.deepEqual(plain(p.push(enc('cd$'))).map((e) => (e as { body: string }).body), ['abcd']);
    assert.equal(p.bufferedBytes, 1, 'the $ of the next frame waits');
  });

  test('getHeader / getHeaders are case-insensitive', () => {
    const h = [['WWW-Authenticate', 'Digest realm="x"'], ['www-authenticate', 'Basic realm="x"'], ['CSeq', '4']] as const;
    assert.equal(getHeader(h, 'cseq'), '4');
    assert.deepEqual(getHeaders(h, 'WWW-AUTHENTICATE'), ['Digest realm="x"', 'Basic realm="x"']);
    assert.equal(getHeader(h, 'Session'), undefined);
  });
});

describe('RtspStreamParser fuzz', () => {
  const limits = { maxHeaderBytes: 2048, maxBodyBytes: 4096 };
  const cap = limits.maxHeaderBytes + limits.maxBodyBytes;
  const check = (chunks: Uint8Array[]): void => {
    const p = new RtspStreamParser(limits);
    for (const c of chunks) {
      const events = p.push(c);
      assert.ok(p.bufferedBytes <= Math.max(cap, 65539), `buffered ${p.bufferedBytes}`);
      for (const e of events) if (e.kind === 'interleaved') assert.ok(e.payload.length <= 65535);
    }
  };

  test('random bytes in random chunks never throw and stay bounded', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 20 }), check), { numRuns: 500 });
  });

  test('random RTSP-looking text never throws and stays bounded', () => {
    const piece = fc.constantFrom('RTSP/1.0 ', '200 OK', '\r\n', '\n', 'Content-Length: ', '12', '99999', 'CSeq: 1', '$', '\x00\x10', 'GET_PARAMETER rtsp://a RTSP/1.0', ':', ' ');
    fc.assert(fc.property(fc.array(fc.array(piece, { maxLength: 40 }).map((xs) => enc(xs.join(''))), { maxLength: 20 }), check), { numRuns: 500 });
  });

  test('mutated valid streams never throw; chunking does not change the events', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(stream.length - 1), fc.nat(255)), { maxLength: 5 }), fc.array(fc.nat(stream.length), { maxLength: 6 }), (muts, cuts) => {
        const data = stream.slice();
        for (const [i, v] of muts) data[i] = v;
        const whole = plain(new RtspStreamParser(limits).push(data));
        const p = new RtspStreamParser(limits);
        const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), data.length];
        const pieces = points.slice(1).flatMap((end, k) => p.push(data.subarray(points[k], end)));
        // garbage runs may be reported in several pieces when split; compare everything else
        const strip = (xs: unknown[]): unknown[] => xs.filter((e) => (e as { code?: string }).code !== 'garbage');
        assert.deepEqual(strip(plain(pieces)), strip(whole));
      }),
      { numRuns: 500 },
    );
  });
});
