import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, initialSession, step, type SessionCommand, type SessionConfig, type SessionEvent, type SessionState } from './session.ts';
import { authorizationHeader, parseWwwAuthenticate } from './auth.ts';
import type { RtspResponse } from './message.ts';

const SDP = 'v=0\r\ns=cam\r\na=control:*\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:trackID=1\r\nm=audio 0 RTP/AVP 0\r\na=control:trackID=2\r\n';
const res = (cseq: number, status = 200, headers: [string, string][] = [], body = ''): RtspResponse => ({
  kind: 'response', status, reason: '', headers: [['CSeq', String(cseq)], ...headers], body: new TextEncoder().encode(body),
});
const sent = (cmds: readonly SessionCommand[]): string[] => cmds.flatMap((c) => (c.type === 'send' ? [new TextDecoder().decode(c.bytes)] : []));

/** Runs events through the reducer, returning the final state and every command. */
class Driver {
  state: SessionState = initialSession();
  log: SessionCommand[] = [];
  constructor(readonly config: SessionConfig) {}
  on(event: SessionEvent): readonly SessionCommand[] {
    const r = step(this.config, this.state, event);
    this.state = r.state;
    this.log.push(...r.commands);
    return r.commands;
  }
  /** Drives the handshake up to PLAY's answer; returns the requests sent. */
  handshake(now = 0, setupHeaders: [string, string][] = [['Session', 'abc;timeout=30'], ['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1']]): string[] {
    const out: string[] = [];
    out.push(...sent(this.on({ type: 'start', now })));
    out.push(...sent(this.on({ type: 'connected', now, cnonce: 'c0ffee', udpPort: 50000 })));
    out.push(...sent(this.on({ type: 'response', now, response: res(1, 200, [['Public', 'OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER, TEARDOWN']]) })));
    out.push(...sent(this.on({ type: 'response', now, response: res(2, 200, [['Content-Base', 'rtsp://cam/live/']], SDP) })));
    out.push(...sent(this.on({ type: 'response', now, response: res(3, 200, setupHeaders) })));
    out.push(...sent(this.on({ type: 'response', now, response: res(4) })));
    return out;
  }
}

const tcp: SessionConfig = { url: 'rtsp://cam/live', transport: 'tcp', userAgent: 'T' };

describe('RTSP session reducer', () => {
  test('TCP handshake: OPTIONS, DESCRIBE, SETUP interleaved to the track URL, PLAY with the session', () => {
    const d = new Driver(tcp);
    const reqs = d.handshake();
    assert.deepEqual(d.log[0], { type: 'connect', host: 'cam', port: 554, udp: false });
    assert.equal(reqs[0], 'OPTIONS rtsp://cam/live RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: T\r\n\r\n');
    assert.equal(reqs[1], 'DESCRIBE rtsp://cam/live RTSP/1.0\r\nCSeq: 2\r\nUser-Agent: T\r\nAccept: application/sdp\r\n\r\n');
    assert.equal(reqs[2], 'SETUP rtsp://cam/live/trackID=1 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n');
    assert.equal(reqs[3], 'PLAY rtsp://cam/live/ RTSP/1.0\r\nCSeq: 4\r\nUser-Agent: T\r\nSession: abc\r\nRange: npt=0.000-\r\n\r\n');
    const playing = d.log.find((c) => c.type === 'playing');
    assert.ok(playing && playing.type === 'playing');
    assert.equal(playing.track.codec, 'H264');
    assert.deepEqual(playing.track.transport.interleaved, [0, 1]);
    assert.equal(d.state.phase, 'playing');
  });

  test('keepalive GET_PARAMETER at timeout/2; 20 s without media is dead, then 1 s backoff and reconnect', () => {
    const d = new Driver(tcp);
    d.handshake(0);
    assert.deepEqual(sent(d.on({ type: 'tick', now: 14999 })), []);
    d.on({ type: 'media', now: 14000 });
    const ka = sent(d.on({ type: 'tick', now: 15000 }));
    assert.equal(ka[0], 'GET_PARAMETER rtsp://cam/live/ RTSP/1.0\r\nCSeq: 5\r\nUser-Agent: T\r\nSession: abc\r\n\r\n');
    assert.match(sent(d.on({ type: 'tick', now: 33999 }))[0] ?? '', /^GET_PARAMETER .*CSeq: 6\r\n/s, 'next keepalive 15 s later');
    assert.deepEqual(d.on({ type: 'tick', now: 34000 }), [{ type: 'close' }, { type: 'failed', reason: 'no-media', retryInMs: 1000 }]);
    assert.deepEqual(d.on({ type: 'tick', now: 34999 }), []);
    assert.deepEqual(d.on({ type: 'tick', now: 35000 }), [{ type: 'connect', host: 'cam', port: 554, udp: false }]);
  });

  test('OPTIONS keepalive when the server does not list GET_PARAMETER', () => {
    const d = new Driver(tcp);
    d.on({ type: 'start', now: 0 });
    d.on({ type: 'connected', now: 0, cnonce: 'x' });
    d.on({ type: 'response', now: 0, response: res(1, 200, [['Public', 'OPTIONS, DESCRIBE, SETUP, PLAY']]) });
    d.on({ type: 'response', now: 0, response: res(2, 200, [], SDP) });
    d.on({ type: 'response', now: 0, response: res(3, 200, [['Session', 's1'], ['Transport', 'RTP/AVP/TCP;interleaved=0-1']]) });
    d.on({ type: 'response', now: 0, response: res(4) });
    d.on({ type: 'media', now: 29000 });
    assert.match(sent(d.on({ type: 'tick', now: 30000 }))[0] ?? '', /^OPTIONS rtsp:\/\/cam\/live RTSP\/1.0\r\nCSeq: 5\r\n/);
  });

  test('backoff 1 s → 5 s → 10 s → 60 s, reset once media flows', () => {
    const d = new Driver(tcp);
    d.on({ type: 'start', now: 0 });
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 5; i++) {
      const f = d.on({ type: 'connect-failed', now }).find((c) => c.type === 'failed');
      waits.push(f && f.type === 'failed' ? f.retryInMs : -1);
      now += 100000;
      d.on({ type: 'tick', now });
    }
    assert.deepEqual(waits, [1000, 5000, 10000, 60000, 60000]);
    d.handshake(now);
    d.on({ type: 'media', now: now + 1 });
    assert.equal(d.state.failures, 0);
    assert.equal(backoffDelay(tcp, 0), 1000);
  });

  test('Digest: 401 on DESCRIBE is retried once with credentials, a second 401 fails', () => {
    const d = new Driver({ ...tcp, url: 'rtsp://admin:12345@cam/live' });
    d.on({ type: 'start', now: 0 });
    d.on({ type: 'connected', now: 0, cnonce: 'c0ffee' });
    d.on({ type: 'response', now: 0, response: res(1) });
    const challenge = 'Digest realm="IP Camera", nonce="abc123", qop="auth"';
    const retry = sent(d.on({ type: 'response', now: 0, response: res(2, 401, [['WWW-Authenticate', challenge], ['WWW-Authenticate', 'Basic realm="IP Camera"']]) }));
    const ch = parseWwwAuthenticate([challenge])[0];
    assert.ok(ch);
    const expected = authorizationHeader(ch, { username: 'admin', password: '12345', method: 'DESCRIBE', uri: 'rtsp://cam/live', cnonce: 'c0ffee', nonceCount: 1 });
    assert.equal(retry[0], `DESCRIBE rtsp://cam/live RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nAuthorization: ${expected}\r\nAccept: application/sdp\r\n\r\n`);
    // later requests carry credentials with a growing nonce count
    const setup = sent(d.on({ type: 'response', now: 0, response: res(3, 200, [], SDP) }));
    assert.match(setup[0] ?? '', /nc=00000002/);
    const d2 = new Driver({ ...tcp, url: 'rtsp://admin:bad@cam/live' });
    d2.on({ type: 'start', now: 0 });
    d2.on({ type: 'connected', now: 0, cnonce: 'c' });
    d2.on({ type: 'response', now: 0, response: res(1, 401, [['WWW-Authenticate', challenge]]) });
    assert.deepEqual(d2.on({ type: 'response', now: 0, response: res(2, 401, [['WWW-Authenticate', challenge]]) }).at(-1), { type: 'failed', reason: 'unauthorized', retryInMs: 1000 });
  });

  test('Basic auth on OPTIONS; no credentials gives unauthorized; unknown scheme gives auth-unsupported', () => {
    const d = new Driver({ ...tcp, url: 'rtsp://Aladdin:open%20sesame@cam/live' });
    d.on({ type: 'start', now: 0 });
    d.on({ type: 'connected', now: 0, cnonce: 'c' });
    assert.match(sent(d.on({ type: 'response', now: 0, response: res(1, 401, [['WWW-Authenticate', 'Basic realm="x"']]) }))[0] ?? '', /Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n/);
    for (const [url, header, reason] of [['rtsp://cam/live', 'Basic realm="x"', 'unauthorized'], ['rtsp://a:b@cam/live', 'Negotiate', 'auth-unsupported']] as const) {
      const e = new Driver({ ...tcp, url });
      e.on({ type: 'start', now: 0 });
      e.on({ type: 'connected', now: 0, cnonce: 'c' });
      assert.equal(e.on({ type: 'response', now: 0, response: res(1, 401, [['WWW-Authenticate', header]]) }).find((c) => c.type === 'failed')?.type === 'failed' && e.state.lastFailure, reason);
    }
  });

  test('UDP: client_port from the bound socket, server ports kept for the track', () => {
    const d = new Driver({ ...tcp, transport: 'udp' });
    const reqs = d.handshake(0, [['Session', 'u1'], ['Transport', 'RTP/AVP;unicast;client_port=50000-50001;server_port=6970-6971']]);
    assert.match(reqs[2] ?? '', /Transport: RTP\/AVP;unicast;client_port=50000-50001\r\n/);
    const playing = d.log.find((c) => c.type === 'playing');
    assert.ok(playing?.type === 'playing');
    assert.deepEqual(playing.track.transport.serverPorts, [6970, 6971]);
    assert.equal(d.log[0]?.type === 'connect' && d.log[0].udp, true);
  });

  const failures: { name: string; responses: RtspResponse[]; reason: string }[] = [
    { name: 'DESCRIBE 404', responses: [res(1), res(2, 404)], reason: 'bad-status' },
    { name: 'SDP without H.264/H.265 video', responses: [res(1), res(2, 200, [], 'v=0\r\nm=video 0 RTP/AVP 26\r\n')], reason: 'unsupported-codec' },
    { name: 'body that is not SDP', responses: [res(1), res(2, 200, [], '<html>')], reason: 'bad-sdp' },
    { name: 'SETUP without Session', responses: [res(1), res(2, 200, [], SDP), res(3, 200, [['Transport', 'RTP/AVP/TCP;interleaved=0-1']])], reason: 'bad-transport' },
    { name: 'SETUP answered with UDP when TCP was asked', responses: [res(1), res(2, 200, [], SDP), res(3, 200, [['Session', 's'], ['Transport', 'RTP/AVP;server_port=1-2']])], reason: 'bad-transport' },
    { name: 'PLAY 455', responses: [res(1), res(2, 200, [], SDP), res(3, 200, [['Session', 's'], ['Transport', 'RTP/AVP/TCP;interleaved=0-1']]), res(4, 455)], reason: 'bad-status' },
  ];
  for (const c of failures) {
    test(`failure: ${c.name}`, () => {
      const d = new Driver(tcp);
      d.on({ type: 'start', now: 0 });
      d.on({ type: 'connected', now: 0, cnonce: 'c' });
      for (const r of c.responses) d.on({ type: 'response', now: 0, response: r });
      assert.equal(d.state.phase, 'backoff');
      assert.equal(d.state.lastFailure, c.reason);
    });
  }

  test('request timeout, stale CSeq ignored, socket close and parser errors fail the attempt', () => {
    const d = new Driver(tcp);
    d.on({ type: 'start', now: 0 });
    d.on({ type: 'connected', now: 0, cnonce: 'c' });
    assert.deepEqual(d.on({ type: 'response', now: 1, response: res(7) }), []);
    assert.deepEqual(d.on({ type: 'tick', now: 9999 }), []);
    assert.equal(d.on({ type: 'tick', now: 10000 }).at(-1)?.type, 'failed');
    assert.equal(d.state.lastFailure, 'timeout');
    for (const type of ['closed', 'protocol-error'] as const) {
      const e = new Driver(tcp);
      e.handshake();
      e.on({ type, now: 5 });
      assert.equal(e.state.lastFailure, type);
    }
  });

  test('stop while playing sends TEARDOWN then closes; later events do nothing', () => {
    const d = new Driver(tcp);
    d.handshake();
    const cmds = d.on({ type: 'stop', now: 1 });
    assert.match(sent(cmds)[0] ?? '', /^TEARDOWN rtsp:\/\/cam\/live\/ RTSP\/1.0\r\nCSeq: 5\r\nUser-Agent: T\r\nSession: abc\r\n/);
    assert.equal(cmds.at(-1)?.type, 'close');
    assert.deepEqual(d.on({ type: 'tick', now: 100000 }), []);
    assert.deepEqual(d.on({ type: 'closed', now: 100000 }), []);
  });

  test('server requests get an answer with their CSeq', () => {
    const d = new Driver(tcp);
    d.handshake();
    const cmds = d.on({ type: 'server-request', now: 1, request: { kind: 'request', method: 'GET_PARAMETER', url: '*', headers: [['CSeq', '42']], body: new Uint8Array() } });
    assert.deepEqual(sent(cmds), ['RTSP/1.0 200 OK\r\nCSeq: 42\r\n\r\n']);
    const other = d.on({ type: 'server-request', now: 1, request: { kind: 'request', method: 'ANNOUNCE', url: '*', headers: [['CSeq', '43\r\nX']], body: new Uint8Array() } });
    assert.deepEqual(sent(other), ['RTSP/1.0 501 Not Implemented\r\nCSeq: 43\r\n\r\n']);
  });

  test('an invalid URL stops for good', () => {
    const d = new Driver({ ...tcp, url: 'http://cam' });
    assert.deepEqual(d.on({ type: 'start', now: 0 }), [{ type: 'failed', reason: 'invalid-url', retryInMs: -1 }]);
    assert.equal(d.state.phase, 'stopped');
  });
});
