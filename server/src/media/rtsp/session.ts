/**
 * RTSP client state machine as a pure reducer: OPTIONS → DESCRIBE → SETUP (video) → PLAY, Basic
 * and Digest retry on 401, keepalive at half the session timeout, a stream with no media for
 * 20 s is dead, and reconnects back off 1 s → 5 s → 10 s → 60 s. `client.ts` runs it on sockets.
 */
import { authorizationHeader, chooseChallenge, parseWwwAuthenticate } from './auth.ts';
import { parsePublicHeader, parseSessionHeader, parseTransportHeader } from './headers.ts';
import { getHeader, getHeaders, type RtspResponse } from './message.ts';
import { buildRequest, parseRtspUrl, transportHeader, USER_AGENT, type RtspUrl } from './request.ts';
import { parseSdp } from './sdp.ts';
import type { SessionCommand, SessionConfig, SessionEvent, SessionFailure, SessionState } from './session-types.ts';

export type * from './session-types.ts';

const DEFAULT_BACKOFF = [1000, 5000, 10000, 60000];

/** Result of one step. */
export interface Step {
  readonly state: SessionState;
  readonly commands: readonly SessionCommand[];
}

/** The state before `start`. */
export function initialSession(): SessionState {
  return {
    phase: 'idle', failures: 0, lastFailure: null, cseq: 0, pending: null, auth: null, cnonce: '', udpPort: null,
    publicMethods: null, sdp: null, video: null, track: null, session: null, lastMediaAt: 0, mediaFlowing: false,
    nextKeepaliveAt: 0, retryAt: 0,
  };
}

/** Wait before the next attempt after `failures` consecutive failures. */
export function backoffDelay(config: SessionConfig, failures: number): number {
  const steps = config.backoffMs ?? DEFAULT_BACKOFF;
  return steps[Math.min(Math.max(failures, 1), steps.length) - 1] ?? 60000;
}

/** Advances the session by one event. */
export function step(config: SessionConfig, state: SessionState, event: SessionEvent): Step {
  const parsed = parseRtspUrl(config.url);
  if (!parsed.ok) return state.phase === 'stopped' ? { state, commands: [] } : { state: { ...state, phase: 'stopped', lastFailure: 'invalid-url' }, commands: [{ type: 'failed', reason: 'invalid-url', retryInMs: -1 }] };
  const url = parsed.value;
  const now = event.now;
  if (state.phase === 'stopped') return { state, commands: [] };
  switch (event.type) {
    case 'start':
      return state.phase === 'idle' ? connect(config, url, state) : { state, commands: [] };
    case 'stop': {
      const commands: SessionCommand[] = [];
      // live555-based cameras keep a session ~65 s unless told; say goodbye when we can
      if (state.session !== null) commands.push(request(config, url, state, 'TEARDOWN', state.sdp?.control ?? url.url, now).commands[0] as SessionCommand);
      commands.push({ type: 'close' });
      return { state: { ...state, phase: 'stopped', pending: null }, commands };
    }
    case 'connected':
      if (state.phase !== 'connecting') return { state, commands: [] };
      return request(config, url, { ...state, cnonce: event.cnonce, udpPort: event.udpPort ?? null, phase: 'options' }, 'OPTIONS', url.url, now);
    case 'connect-failed':
      return fail(config, state, 'connect-failed', now);
    case 'closed':
      return state.phase === 'backoff' || state.phase === 'idle' ? { state, commands: [] } : fail(config, state, 'closed', now);
    case 'protocol-error':
      return fail(config, state, 'protocol-error', now);
    case 'media':
      return { state: { ...state, lastMediaAt: now, mediaFlowing: true, failures: state.phase === 'playing' ? 0 : state.failures }, commands: [] };
    case 'server-request': {
      const cseq = getHeader(event.request.headers, 'CSeq') ?? '0';
      const ok = ['OPTIONS', 'GET_PARAMETER', 'SET_PARAMETER'].includes(event.request.method);
      const text = `RTSP/1.0 ${ok ? '200 OK' : '501 Not Implemented'}\r\nCSeq: ${cseq.replace(/\D/g, '')}\r\n\r\n`;
      return { state, commands: [{ type: 'send', bytes: new TextEncoder().encode(text) }] };
    }
    case 'tick':
      return tick(config, url, state, now);
    case 'response':
      return respond(config, url, state, event.response, now);
  }
}

function connect(config: SessionConfig, url: RtspUrl, state: SessionState): Step {
  const fresh = { ...initialSession(), failures: state.failures, lastFailure: state.lastFailure, phase: 'connecting' as const };
  return { state: fresh, commands: [{ type: 'connect', host: url.host, port: url.port, udp: config.transport === 'udp' }] };
}

function fail(config: SessionConfig, state: SessionState, reason: SessionFailure, now: number): Step {
  const failures = state.failures + 1;
  const wait = backoffDelay(config, failures);
  return {
    state: { ...state, phase: 'backoff', failures, lastFailure: reason, pending: null, session: null, retryAt: now + wait },
    commands: [{ type: 'close' }, { type: 'failed', reason, retryInMs: wait }],
  };
}

function request(config: SessionConfig, url: RtspUrl, state: SessionState, method: string, target: string, now: number, extra: [string, string][] = []): Step {
  const cseq = state.cseq + 1;
  let auth = state.auth;
  let authorization: string | undefined;
  if (auth !== null) {
    auth = { ...auth, nonceCount: auth.nonceCount + 1 };
    authorization = authorizationHeader(auth.challenge, { username: url.username, password: url.password, method, uri: target, cnonce: state.cnonce, nonceCount: auth.nonceCount });
  }
  const headers: [string, string][] = method === 'DESCRIBE' ? [['Accept', 'application/sdp'], ...extra] : extra;
  if (method === 'PLAY') headers.push(['Range', 'npt=0.000-']);
  const bytes = buildRequest({ method, url: target, cseq, session: state.session?.id, authorization, userAgent: config.userAgent ?? USER_AGENT, headers });
  return { state: { ...state, cseq, auth, pending: { method, url: target, cseq, sentAt: now } }, commands: [{ type: 'send', bytes }] };
}

function tick(config: SessionConfig, url: RtspUrl, state: SessionState, now: number): Step {
  if (state.phase === 'backoff') return now >= state.retryAt ? connect(config, url, state) : { state, commands: [] };
  if (state.phase === 'playing') {
    if (now - state.lastMediaAt >= (config.deadAfterMs ?? 20000)) return fail(config, state, 'no-media', now);
    if (now >= state.nextKeepaliveAt) {
      const method = state.publicMethods?.includes('GET_PARAMETER') ? 'GET_PARAMETER' : 'OPTIONS';
      const timeout = (state.session?.timeoutSeconds ?? 60) * 1000;
      const sent = request(config, url, { ...state, nextKeepaliveAt: now + timeout / 2 }, method, state.sdp?.control ?? url.url, now);
      // keepalive answers are not awaited: a camera that ignores them is judged by its media
      return { state: { ...sent.state, pending: null }, commands: sent.commands };
    }
    return { state, commands: [] };
  }
  const waiting = state.pending !== null && now - state.pending.sentAt >= (config.requestTimeoutMs ?? 10000);
  return waiting ? fail(config, state, 'timeout', now) : { state, commands: [] };
}

function respond(config: SessionConfig, url: RtspUrl, state: SessionState, res: RtspResponse, now: number): Step {
  const pending = state.pending;
  if (pending === null || Number(getHeader(res.headers, 'CSeq')) !== pending.cseq) return { state, commands: [] };
  if (res.status === 401) {
    const challenge = chooseChallenge(parseWwwAuthenticate(getHeaders(res.headers, 'WWW-Authenticate')));
    if (challenge === null) return fail(config, state, 'auth-unsupported', now);
    const stale = challenge.scheme === 'digest' && challenge.stale;
    // credentials already sent and refused (and not merely an expired nonce): give up this attempt
    if ((state.auth !== null && !stale) || (url.username === '' && url.password === '')) return fail(config, state, 'unauthorized', now);
    return request(config, url, { ...state, auth: { challenge, nonceCount: 0, rejected: false } }, pending.method, pending.url, now);
  }
  const ok = res.status >= 200 && res.status < 300;
  switch (state.phase) {
    case 'options': {
      // many cameras answer OPTIONS badly yet stream fine: go on regardless
      const pub = getHeader(res.headers, 'Public');
      return request(config, url, { ...state, phase: 'describe', publicMethods: pub ? parsePublicHeader(pub) : null }, 'DESCRIBE', url.url, now);
    }
    case 'describe': {
      if (!ok) return fail(config, state, 'bad-status', now);
      const base = getHeader(res.headers, 'Content-Base') ?? getHeader(res.headers, 'Content-Location') ?? url.url;
      const sdp = parseSdp(new TextDecoder().decode(res.body), base);
      if (!sdp.ok) return fail(config, state, 'bad-sdp', now);
      const media = sdp.sdp.media.find((m) => m.kind === 'video' && (m.rtpmap?.encoding === 'H264' || m.rtpmap?.encoding === 'H265'));
      if (media === undefined) return fail(config, state, 'unsupported-codec', now);
      const video = { media, codec: media.rtpmap?.encoding as 'H264' | 'H265' };
      const transport = config.transport === 'tcp' ? transportHeader({ kind: 'tcp', rtpChannel: 0 }) : transportHeader({ kind: 'udp', rtpPort: state.udpPort ?? 0 });
      return request(config, url, { ...state, phase: 'setup', sdp: sdp.sdp, video }, 'SETUP', media.control, now, [['Transport', transport]]);
    }
    case 'setup': {
      const session = parseSessionHeader(getHeader(res.headers, 'Session') ?? '');
      const transportValue = getHeader(res.headers, 'Transport');
      if (!ok || session === null || state.video === null) return fail(config, state, ok ? 'bad-transport' : 'bad-status', now);
      const transport = parseTransportHeader(transportValue ?? '');
      const wanted = config.transport === 'tcp' ? transport.protocol === 'tcp' && transport.interleaved !== null : transport.protocol === 'udp';
      if (!wanted) return fail(config, state, 'bad-transport', now);
      const track = { ...state.video, transport };
      return request(config, url, { ...state, phase: 'play', session, track }, 'PLAY', state.sdp?.control ?? url.url, now);
    }
    case 'play': {
      if (!ok || state.track === null || state.sdp === null) return fail(config, state, 'bad-status', now);
      const timeout = (state.session?.timeoutSeconds ?? 60) * 1000;
      return {
        state: { ...state, phase: 'playing', pending: null, lastMediaAt: now, mediaFlowing: false, nextKeepaliveAt: now + timeout / 2 },
        commands: [{ type: 'playing', track: state.track, sdp: state.sdp }],
      };
    }
    default:
      return { state: { ...state, pending: null }, commands: [] };
  }
}
