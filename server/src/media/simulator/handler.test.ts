// The pure RTSP request handler: every method, every refusal, sessions, timeouts and auth,
// checked with Pantau's client-side parsers (message, SDP, headers, auth) as the peer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { authorizationHeader, parseWwwAuthenticate } from '../rtsp/auth.ts';
import { parseSessionHeader, parseTransportHeader } from '../rtsp/headers.ts';
import { getHeader, getHeaders, RtspStreamParser, type RtspResponse } from '../rtsp/message.ts';
import { h264Fmtp, parseSdp } from '../rtsp/sdp.ts';
import { NO_FAULTS, parseFaults, type FaultSet } from './faults.ts';
import { expireSessions, handleRequest, initialConnection, MAX_SESSIONS, touchSessions, type ConnectionState, type HandlerContext, type HandlerResult } from './handler.ts';
import { serializeReply } from './reply.ts';

const SPS = Uint8Array.of(0x67, 0x4d, 0x40, 0x1e, 0xec, 0xa0);
const PPS = Uint8Array.of(0x68, 0xeb, 0xe3, 0xcb);
const HOST = 'rtsp://127.0.0.1:8554';

function context(over: Partial<HandlerContext<string>> = {}): HandlerContext<string> {
  let n = 0x12345678;
  return {
    resolve: (path) => {
      if (!['cam-1', 'cam-2', 'locked', 'basic'].includes(path.camera)) return { ok: false, status: 404 };
      const specs = [...path.faults, ...(path.camera === 'locked' ? ['auth'] : path.camera === 'basic' ? ['auth=basic'] : [])];
      const f = parseFaults(specs);
      if (!f.ok) return { ok: false, status: 400 };
      const faults: FaultSet = f.faults;
      const auth = faults.auth === null ? null : { scheme: faults.auth, username: 'admin', password: 's3cret', realm: 'Sim' };
      return { ok: true, stream: { camera: path.camera, stream: path.stream, faults, auth, media: { sps: SPS, pps: PPS, fps: 25, width: 640, height: 360, bitrateKbps: 500 }, source: `${path.camera}/${path.stream}` } };
    },
    transports: new Set(['tcp', 'udp']),
    udpServerPorts: [6970, 6971],
    sessionTimeoutSec: 60,
    secret: new Uint8Array(32).fill(7),
    random32: () => (n = (Math.imul(n, 1103515245) + 12345) >>> 0),
    ...over,
  };
}

/** Runs a request and parses the serialized reply back with the client's parser. */
function call(ctx: HandlerContext<string>, conn: ConnectionState<string>, method: string, url: string, headers: [string, string][] = [], now = 1000, body = ''): HandlerResult<string> & { res: RtspResponse } {
  const r = handleRequest(ctx, conn, { method, url, headers: [['CSeq', '7'], ...headers], body: new TextEncoder().encode(body) }, now);
  const events = new RtspStreamParser().push(serializeReply(r.reply));
  assert.equal(events.length, 1);
  const res = events[0];
  assert.ok(res && res.kind === 'response');
  return { ...r, res };
}

const TCP: [string, string] = ['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1'];

/** DESCRIBE + SETUP (+ PLAY) on a fresh connection. */
function setup(ctx: HandlerContext<string>, url = `${HOST}/cam-1/main`, transport: [string, string] = TCP) {
  const d = call(ctx, initialConnection(0), 'DESCRIBE', url);
  assert.equal(d.res.status, 200);
  const s = call(ctx, d.state, 'SETUP', `${url}/trackID=0`, [transport]);
  assert.equal(s.res.status, 200);
  const id = parseSessionHeader(getHeader(s.res.headers, 'Session') ?? '')?.id ?? '';
  return { state: s.state, id, res: s.res };
}

describe('simulator request handler', () => {
  test('OPTIONS lists the methods and echoes CSeq', () => {
    const r = call(context(), initialConnection(0), 'OPTIONS', '*');
    assert.equal(r.res.status, 200);
    assert.equal(getHeader(r.res.headers, 'CSeq'), '7');
    assert.match(getHeader(r.res.headers, 'Public') ?? '', /DESCRIBE.*SETUP.*PLAY.*TEARDOWN.*GET_PARAMETER/);
  });

  test('DESCRIBE answers SDP with sprop-parameter-sets, packetization-mode=1 and an absolute track URL', () => {
    const r = call(context(), initialConnection(0), 'DESCRIBE', `${HOST}/cam-1/sub?fault=stall`);
    assert.equal(r.res.status, 200);
    assert.equal(getHeader(r.res.headers, 'Content-Type'), 'application/sdp');
    const base = getHeader(r.res.headers, 'Content-Base') ?? '';
    const sdp = parseSdp(new TextDecoder().decode(r.res.body), base);
    assert.ok(sdp.ok);
    const m = sdp.sdp.media[0];
    assert.equal(m?.rtpmap?.encoding, 'H264');
    assert.equal(m?.rtpmap?.clockRate, 90000);
    assert.equal(m?.control, `${HOST}/cam-1/sub/trackID=0?fault=stall`);
    const f = h264Fmtp(m?.fmtp ?? new Map());
    assert.equal(f.packetizationMode, 1);
    assert.equal(f.profileLevelId, '4d401e');
    assert.deepEqual([...(f.sps[0] ?? [])], [...SPS]);
    assert.deepEqual([...(f.pps[0] ?? [])], [...PPS]);
  });

  test('sps-inband-only and no-sps leave sprop-parameter-sets out; sps-sdp-only keeps it', () => {
    for (const [fault, present] of [['sps-inband-only', false], ['no-sps', false], ['sps-sdp-only', true]] as const) {
      const r = call(context(), initialConnection(0), 'DESCRIBE', `${HOST}/cam-1/main?fault=${fault}`);
      assert.equal(/sprop-parameter-sets/.test(new TextDecoder().decode(r.res.body)), present, fault);
    }
  });

  const refusals: [string, string, string, [string, string][], number][] = [
    ['unknown camera', 'DESCRIBE', `${HOST}/nobody/main`, [], 404],
    ['unknown stream', 'DESCRIBE', `${HOST}/cam-1/third`, [], 404],
    ['too many segments', 'DESCRIBE', `${HOST}/cam-1/main/extra`, [], 404],
    ['no path', 'DESCRIBE', `${HOST}/`, [], 404],
    ['not a URL', 'DESCRIBE', 'camera-1', [], 400],
    ['bad percent escape', 'DESCRIBE', `${HOST}/cam-%zz/main`, [], 400],
    ['unknown fault in query', 'DESCRIBE', `${HOST}/cam-1/main?fault=explode`, [], 400],
    ['SETUP without Transport', 'SETUP', `${HOST}/cam-1/main/trackID=0`, [], 400],
    ['SETUP of a track that does not exist', 'SETUP', `${HOST}/cam-1/main/trackID=1`, [TCP], 404],
    ['SETUP multicast', 'SETUP', `${HOST}/cam-1/main/trackID=0`, [['Transport', 'RTP/AVP;multicast;client_port=5000-5001']], 461],
    ['SETUP UDP without client_port', 'SETUP', `${HOST}/cam-1/main/trackID=0`, [['Transport', 'RTP/AVP;unicast']], 461],
    ['SETUP for recording', 'SETUP', `${HOST}/cam-1/main/trackID=0`, [['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1;mode=record']], 461],
    ['SETUP of RAW/RAW/UDP', 'SETUP', `${HOST}/cam-1/main/trackID=0`, [['Transport', 'RAW/RAW/UDP;unicast;client_port=5000']], 461],
    ['SETUP into an unknown session', 'SETUP', `${HOST}/cam-1/main/trackID=0`, [TCP, ['Session', 'DEADBEEF']], 454],
    ['PLAY without session', 'PLAY', `${HOST}/cam-1/main`, [], 455],
    ['PLAY of an unknown session', 'PLAY', `${HOST}/cam-1/main`, [['Session', 'DEADBEEF']], 454],
    ['TEARDOWN without session', 'TEARDOWN', `${HOST}/cam-1/main`, [], 455],
    ['TEARDOWN of an unknown session', 'TEARDOWN', `${HOST}/cam-1/main`, [['Session', 'DEADBEEF']], 454],
    ['GET_PARAMETER of an unknown session', 'GET_PARAMETER', `${HOST}/cam-1/main`, [['Session', 'DEADBEEF']], 454],
    ['PAUSE', 'PAUSE', `${HOST}/cam-1/main`, [], 405],
    ['RECORD', 'RECORD', `${HOST}/cam-1/main`, [], 405],
    ['unknown method', 'FROBNICATE', `${HOST}/cam-1/main`, [], 501],
  ];
  for (const [name, method, url, headers, status] of refusals) {
    test(`${name} → ${status}`, () => {
      const r = call(context(), initialConnection(0), method, url, headers);
      assert.equal(r.res.status, status);
      assert.equal(getHeader(r.res.headers, 'CSeq'), '7');
      assert.deepEqual(r.effects, []);
      assert.equal(r.state.sessions.size, 0);
    });
  }

  test('a request without a valid CSeq → 400 without CSeq', () => {
    for (const cseq of [undefined, 'abc', '-1', '12345678901']) {
      const headers: [string, string][] = cseq === undefined ? [] : [['CSeq', cseq]];
      const r = handleRequest(context(), initialConnection(0), { method: 'OPTIONS', url: '*', headers, body: new Uint8Array() }, 0);
      assert.equal(r.reply.status, 400);
      assert.equal(r.reply.headers.some(([k]) => k === 'CSeq'), false);
    }
  });

  test('UDP is refused (461) when only TCP is offered', () => {
    const ctx = context({ transports: new Set(['tcp']), udpServerPorts: null });
    const r = call(ctx, initialConnection(0), 'SETUP', `${HOST}/cam-1/main/trackID=0`, [['Transport', 'RTP/AVP;unicast;client_port=5000-5001']]);
    assert.equal(r.res.status, 461);
  });

  test('SETUP over TCP → session with timeout, interleaved channels and SSRC; PLAY → RTP-Info and a play effect', () => {
    const ctx = context();
    const s = setup(ctx);
    const session = parseSessionHeader(getHeader(s.res.headers, 'Session') ?? '');
    assert.equal(session?.timeoutSeconds, 60);
    const t = parseTransportHeader(getHeader(s.res.headers, 'Transport') ?? '');
    assert.equal(t.protocol, 'tcp');
    assert.deepEqual(t.interleaved, [0, 1]);
    assert.notEqual(t.ssrc, null);
    const p = call(ctx, s.state, 'PLAY', `${HOST}/cam-1/main/`, [['Session', s.id]]);
    assert.equal(p.res.status, 200);
    const info = getHeader(p.res.headers, 'RTP-Info') ?? '';
    const m = /^url=(.+);seq=(\d+);rtptime=(\d+)$/.exec(info);
    assert.ok(m, info);
    assert.equal(m[1], `${HOST}/cam-1/main/trackID=0`);
    assert.equal(p.effects.length, 1);
    const e = p.effects[0];
    assert.ok(e?.type === 'play');
    assert.equal(e.seq, Number(m[2]));
    assert.equal(e.rtptime, Number(m[3]));
    assert.equal(e.session.ssrc, t.ssrc);
    assert.equal(e.session.stream.source, 'cam-1/main');
    // a second PLAY is harmless and starts nothing new
    const again = call(ctx, p.state, 'PLAY', `${HOST}/cam-1/main`, [['Session', s.id]]);
    assert.equal(again.res.status, 200);
    assert.deepEqual(again.effects, []);
    // transport cannot change while playing
    assert.equal(call(ctx, p.state, 'SETUP', `${HOST}/cam-1/main/trackID=0`, [TCP, ['Session', s.id]]).res.status, 455);
  });

  test('SETUP over UDP answers client_port and the shared server_port', () => {
    const s = setup(context(), `${HOST}/cam-1/main`, ['Transport', 'RTP/AVP/UDP;unicast;client_port=50000-50001']);
    const t = parseTransportHeader(getHeader(s.res.headers, 'Transport') ?? '');
    assert.equal(t.protocol, 'udp');
    assert.deepEqual(t.clientPorts, [50000, 50001]);
    assert.deepEqual(t.serverPorts, [6970, 6971]);
  });

  test('the first acceptable of several offered transports is chosen', () => {
    const s = setup(context({ transports: new Set(['udp']) }), `${HOST}/cam-1/main`, ['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1,RTP/AVP;unicast;client_port=4000-4001']);
    assert.equal(parseTransportHeader(getHeader(s.res.headers, 'Transport') ?? '').protocol, 'udp');
  });

  test('a track URL after a query (as ffmpeg and Pantau build it) is the same stream', () => {
    const ctx = context();
    const s = call(ctx, initialConnection(0), 'SETUP', `${HOST}/cam-2/sub?fault=stall=1/trackID=0`, [TCP]);
    assert.equal(s.res.status, 200);
    const id = parseSessionHeader(getHeader(s.res.headers, 'Session') ?? '')?.id ?? '';
    const p = call(ctx, s.state, 'PLAY', `${HOST}/cam-2/sub?fault=stall=1`, [['Session', id]]);
    const e = p.effects[0];
    assert.ok(e?.type === 'play');
    assert.equal(e.session.stream.faults.stallAfterMs, 1000);
    assert.equal(e.session.stream.stream, 'sub');
  });

  test('a second session on one connection gets free interleaved channels; PLAY of another stream → 459', () => {
    const ctx = context();
    const a = setup(ctx);
    const b = call(ctx, a.state, 'SETUP', `${HOST}/cam-2/main/trackID=0`, [TCP]);
    assert.equal(b.res.status, 200);
    assert.deepEqual(parseTransportHeader(getHeader(b.res.headers, 'Transport') ?? '').interleaved, [2, 3]);
    assert.equal(b.state.sessions.size, 2);
    assert.equal(call(ctx, b.state, 'PLAY', `${HOST}/cam-2/main`, [['Session', a.id]]).res.status, 459);
    assert.equal(call(ctx, b.state, 'SETUP', `${HOST}/cam-2/main/trackID=0`, [TCP, ['Session', a.id]]).res.status, 459);
  });

  test(`at most ${MAX_SESSIONS} sessions per connection (453 after)`, () => {
    const ctx = context();
    let state = initialConnection<string>(0);
    for (let i = 0; i < MAX_SESSIONS; i++) {
      const r = call(ctx, state, 'SETUP', `${HOST}/cam-1/main/trackID=0`, [TCP]);
      assert.equal(r.res.status, 200);
      state = r.state;
    }
    assert.equal(call(ctx, state, 'SETUP', `${HOST}/cam-1/main/trackID=0`, [TCP]).res.status, 453);
  });

  test('TEARDOWN ends the session; the id is then unknown (454)', () => {
    const ctx = context();
    const s = setup(ctx);
    const t = call(ctx, s.state, 'TEARDOWN', `${HOST}/cam-1/main`, [['Session', s.id]]);
    assert.equal(t.res.status, 200);
    assert.deepEqual(t.effects, [{ type: 'stop', sessionId: s.id }]);
    assert.equal(t.state.sessions.size, 0);
    assert.equal(call(ctx, t.state, 'PLAY', `${HOST}/cam-1/main`, [['Session', s.id]]).res.status, 454);
  });

  test('GET_PARAMETER and SET_PARAMETER keep a session alive; SET_PARAMETER with a body → 451', () => {
    const ctx = context({ sessionTimeoutSec: 10 });
    const s = setup(ctx);
    const g = call(ctx, s.state, 'GET_PARAMETER', `${HOST}/cam-1/main`, [['Session', s.id]], 9000);
    assert.equal(g.res.status, 200);
    assert.equal(parseSessionHeader(getHeader(g.res.headers, 'Session') ?? '')?.id, s.id);
    assert.equal(g.state.sessions.get(s.id)?.lastSeen, 9000);
    assert.equal(call(ctx, s.state, 'SET_PARAMETER', `${HOST}/cam-1/main`, [['Session', s.id]], 1000, 'x: 1\r\n').res.status, 451);
    assert.equal(call(ctx, s.state, 'SET_PARAMETER', `${HOST}/cam-1/main`, [['Session', s.id]]).res.status, 200);
    assert.equal(call(ctx, initialConnection(0), 'GET_PARAMETER', '*').res.status, 200);
  });

  test('sessions expire after the timeout without requests or RTCP; the connection is then closed', () => {
    const ctx = context({ sessionTimeoutSec: 10 });
    const s = setup(ctx); // requests at t = 1000
    assert.deepEqual(expireSessions(ctx, s.state, 11000).effects, []);
    const kept = touchSessions(s.state, 15000);
    assert.deepEqual(expireSessions(ctx, kept, 24000).effects, []);
    const gone = expireSessions(ctx, kept, 25001);
    assert.deepEqual(gone.effects, [{ type: 'stop', sessionId: s.id }, { type: 'close' }]);
    assert.equal(gone.state.sessions.size, 0);
    // a connection that never set anything up is closed when idle that long
    assert.deepEqual(expireSessions(ctx, initialConnection(0), 10001).effects, [{ type: 'close' }]);
    assert.deepEqual(expireSessions(ctx, initialConnection(0), 9000).effects, []);
  });

  test('Digest auth: 401 with a challenge, then 200 with the client’s answer; wrong password → 401', () => {
    const ctx = context();
    const url = `${HOST}/locked/main`;
    const first = call(ctx, initialConnection(0), 'DESCRIBE', url);
    assert.equal(first.res.status, 401);
    const [challenge] = parseWwwAuthenticate(getHeaders(first.res.headers, 'WWW-Authenticate'));
    assert.equal(challenge?.scheme, 'digest');
    assert.ok(challenge);
    const answer = (password: string, method = 'DESCRIBE', uri = url) =>
      authorizationHeader(challenge, { username: 'admin', password, method, uri, cnonce: 'abc', nonceCount: 1 });
    assert.equal(call(ctx, first.state, 'DESCRIBE', url, [['Authorization', answer('s3cret')]]).res.status, 200);
    assert.equal(call(ctx, first.state, 'DESCRIBE', url, [['Authorization', answer('wrong')]]).res.status, 401);
    // the answer is bound to the method
    assert.equal(call(ctx, first.state, 'DESCRIBE', url, [['Authorization', answer('s3cret', 'SETUP')]]).res.status, 401);
    // Basic is not accepted by a Digest-only camera
    const basic = `Basic ${Buffer.from('admin:s3cret').toString('base64')}`;
    assert.equal(call(ctx, first.state, 'DESCRIBE', url, [['Authorization', basic]]).res.status, 401);
    // a nonce not signed by this server is refused
    const forged = answer('s3cret').replace(/nonce="[^"]*"/, 'nonce="0123456789abcdef0123456789abcdef01"');
    assert.equal(call(ctx, first.state, 'DESCRIBE', url, [['Authorization', forged]]).res.status, 401);
    // an old nonce is answered with stale=true so clients retry without asking the user
    const old = call(ctx, first.state, 'DESCRIBE', url, [['Authorization', answer('s3cret')]], 1000 + 10 * 60 * 1000);
    assert.equal(old.res.status, 401);
    const renewed = parseWwwAuthenticate(getHeaders(old.res.headers, 'WWW-Authenticate'))[0];
    assert.ok(renewed?.scheme === 'digest' && renewed.stale);
  });

  test('Basic auth, and auth on PLAY of a protected session', () => {
    const ctx = context();
    const url = `${HOST}/basic/main`;
    const first = call(ctx, initialConnection(0), 'DESCRIBE', url);
    assert.equal(first.res.status, 401);
    assert.deepEqual(parseWwwAuthenticate(getHeaders(first.res.headers, 'WWW-Authenticate')).map((c) => c.scheme), ['basic']);
    const good: [string, string] = ['Authorization', `Basic ${Buffer.from('admin:s3cret').toString('base64')}`];
    const bad: [string, string] = ['Authorization', `Basic ${Buffer.from('admin:nope').toString('base64')}`];
    assert.equal(call(ctx, first.state, 'DESCRIBE', url, [bad]).res.status, 401);
    const s = call(ctx, first.state, 'SETUP', `${url}/trackID=0`, [TCP, good]);
    assert.equal(s.res.status, 200);
    const id = parseSessionHeader(getHeader(s.res.headers, 'Session') ?? '')?.id ?? '';
    assert.equal(call(ctx, s.state, 'PLAY', url, [['Session', id]]).res.status, 401);
    assert.equal(call(ctx, s.state, 'PLAY', url, [['Session', id], good]).res.status, 200);
    // OPTIONS never needs credentials
    assert.equal(call(ctx, initialConnection(0), 'OPTIONS', url).res.status, 200);
  });

  test('fuzz: random requests never throw, replies always parse, state stays bounded', () => {
    const ctx = context({ sessionTimeoutSec: 5 });
    const method = fc.constantFrom('OPTIONS', 'DESCRIBE', 'SETUP', 'PLAY', 'TEARDOWN', 'GET_PARAMETER', 'SET_PARAMETER', 'PAUSE', 'X');
    const url = fc.oneof(
      fc.constantFrom('*', `${HOST}/cam-1/main`, `${HOST}/cam-1/main/trackID=0`, `${HOST}/cam-2/sub?fault=garbage`, `${HOST}/locked/main`, `${HOST}/cam-1/main?fault=auth/trackID=0`),
      fc.string({ maxLength: 80 }),
      fc.webUrl().map((u) => u.replace(/^https?/, 'rtsp')),
    );
    const header = fc.tuple(
      fc.constantFrom('CSeq', 'Session', 'Transport', 'Authorization', 'X-Junk'),
      fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('1', 'RTP/AVP/TCP;unicast;interleaved=0-1', 'RTP/AVP;unicast;client_port=1-2', 'Digest username="admin"', 'Basic YWRtaW46czNjcmV0')),
    );
    const request = fc.record({ method, url, headers: fc.array(header, { maxLength: 6 }), body: fc.uint8Array({ maxLength: 20 }), dt: fc.nat(3000) });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), (reqs) => {
        let state = initialConnection<string>(0);
        let now = 0;
        const sessionIds: string[] = [];
        for (const r of reqs) {
          now += r.dt;
          // sometimes name a session that exists, so deep paths are reached
          const headers = r.headers.map(([k, v]) => [k, k === 'Session' && sessionIds.length > 0 ? (sessionIds[v.length % sessionIds.length] as string) : v] as [string, string]);
          const res = handleRequest(ctx, state, { method: r.method, url: r.url, headers, body: r.body }, now);
          state = res.state;
          for (const id of state.sessions.keys()) if (!sessionIds.includes(id)) sessionIds.push(id);
          const parsed = new RtspStreamParser().push(serializeReply(res.reply));
          assert.equal(parsed.length, 1);
          assert.equal(parsed[0]?.kind, 'response');
          assert.ok(state.sessions.size <= MAX_SESSIONS);
          for (const e of res.effects) if (e.type === 'play') assert.ok(state.sessions.get(e.session.id)?.playing);
          state = expireSessions(ctx, state, now).state;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('fuzz: random bytes through the request parser into the handler never throw', () => {
    const ctx = context();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n', 'SETUP rtsp://h/cam-1/main RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n').map((s) => new TextEncoder().encode(s))), { maxLength: 12 }), (chunks) => {
        const parser = new RtspStreamParser({ maxHeaderBytes: 8192, maxBodyBytes: 16384 });
        let state = initialConnection<string>(0);
        for (const chunk of chunks) {
          for (const ev of parser.push(chunk)) {
            if (ev.kind !== 'request') continue;
            state = handleRequest(ctx, state, ev, 0).state;
            assert.ok(state.sessions.size <= MAX_SESSIONS);
          }
          assert.ok(parser.bufferedBytes <= 8192 + 16384 + 65539);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('NO_FAULTS is a well-behaved camera', () => {
    assert.deepEqual(parseFaults([]), { ok: true, faults: NO_FAULTS });
  });
});
