/**
 * The simulator's RTSP/1.0 request handler as a pure function over one connection's state:
 * OPTIONS, DESCRIBE, SETUP (TCP interleaved or UDP unicast), PLAY, TEARDOWN and the
 * GET_PARAMETER / SET_PARAMETER keepalives, with sessions, timeouts and Basic/Digest auth.
 * `server.ts` runs it on sockets and carries out the returned effects (start or stop media,
 * close the connection). State per connection is bounded: at most {@link MAX_SESSIONS} sessions.
 */
import { getHeader, type RtspHeaders } from '../rtsp/message.ts';
import { checkAuthorization, challenges, type AuthRequirement } from './auth.ts';
import type { FaultSet } from './faults.ts';
import { parseStreamPath, sameStream, trackUrl, type StreamName, type StreamPath } from './paths.ts';
import type { Reply } from './reply.ts';
import { buildSdp, type SdpMedia } from './sdp.ts';
import { chooseTransport, formatTransport, type LowerTransport, type NegotiatedTransport } from './transport.ts';

/** Sessions one connection may hold; more SETUPs get 453. */
export const MAX_SESSIONS = 4;

/** Methods answered, for OPTIONS' Public and 405's Allow. */
export const PUBLIC_METHODS = 'OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER, SET_PARAMETER';

/** A request as `RtspStreamParser` delivers it. */
export interface IncomingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: RtspHeaders;
  readonly body: Uint8Array;
}

/** A camera stream the catalog found for a URL; `source` is opaque here (the adapter's media). */
export interface ResolvedStream<S> {
  readonly camera: string;
  readonly stream: StreamName;
  readonly faults: FaultSet;
  readonly auth: AuthRequirement | null;
  readonly media: SdpMedia;
  readonly source: S;
}

/** What the catalog answers: a stream, or the status to refuse with. */
export type Resolution<S> = { ok: true; stream: ResolvedStream<S> } | { ok: false; status: 400 | 404 };

/** Server-wide inputs of the handler. */
export interface HandlerContext<S> {
  resolve(path: StreamPath): Resolution<S>;
  readonly transports: ReadonlySet<LowerTransport>;
  /** RTP and RTCP ports of the shared UDP sockets, or null without UDP. */
  readonly udpServerPorts: readonly [number, number] | null;
  readonly sessionTimeoutSec: number;
  /** Signs Digest nonces. */
  readonly secret: Uint8Array;
  /** Uniform random 32-bit unsigned integers (session ids, SSRC, first sequence number). */
  random32(): number;
}

/** A session set up on this connection. */
export interface ServerSession<S> {
  readonly id: string;
  readonly stream: ResolvedStream<S>;
  readonly path: StreamPath;
  /** URL of the SETUP request, echoed in RTP-Info. */
  readonly setupUrl: string;
  readonly transport: NegotiatedTransport;
  readonly ssrc: number;
  readonly playing: boolean;
  readonly lastSeen: number;
}

/** Everything the handler remembers about one connection. */
export interface ConnectionState<S> {
  readonly sessions: ReadonlyMap<string, ServerSession<S>>;
  readonly lastActivity: number;
}

/** What the adapter must do besides sending the reply. */
export type HandlerEffect<S> =
  | { readonly type: 'play'; readonly session: ServerSession<S>; readonly seq: number; readonly rtptime: number }
  | { readonly type: 'stop'; readonly sessionId: string }
  | { readonly type: 'close' };

/** Result of one request. */
export interface HandlerResult<S> {
  readonly state: ConnectionState<S>;
  readonly reply: Reply;
  readonly effects: readonly HandlerEffect<S>[];
}

/** A fresh connection. */
export function initialConnection<S>(now: number): ConnectionState<S> {
  return { sessions: new Map(), lastActivity: now };
}

type Headers = [string, string][];

/** Handles one request. Never throws; bad input gets a 4xx reply. */
export function handleRequest<S>(ctx: HandlerContext<S>, conn: ConnectionState<S>, req: IncomingRequest, now: number): HandlerResult<S> {
  const cseq = getHeader(req.headers, 'CSeq')?.trim();
  if (cseq === undefined || !/^\d{1,10}$/.test(cseq)) return { state: conn, reply: { status: 400, headers: [], body: '' }, effects: [] };
  // any request shows the client is alive: refresh every session of the connection
  const sessions = new Map<string, ServerSession<S>>();
  for (const [id, s] of conn.sessions) sessions.set(id, { ...s, lastSeen: now });
  const state: ConnectionState<S> = { sessions, lastActivity: now };
  const headers: Headers = [['CSeq', cseq], ['Date', new Date(now).toUTCString()]];
  const reply = (status: number, extra: Headers = [], body = ''): Reply => ({ status, headers: [...headers, ...extra], body });
  const done = (r: Reply, s: ConnectionState<S> = state, effects: HandlerEffect<S>[] = []): HandlerResult<S> => ({ state: s, reply: r, effects });
  const sessionId = getHeader(req.headers, 'Session')?.split(';')[0]?.trim();
  const session = sessionId === undefined ? undefined : sessions.get(sessionId);
  const sessionHeader = (s: ServerSession<S>): [string, string] => ['Session', `${s.id};timeout=${ctx.sessionTimeoutSec}`];
  const unauthorized = (auth: AuthRequirement | null): Reply | null => {
    if (auth === null) return null;
    const check = checkAuthorization(auth, getHeader(req.headers, 'Authorization'), req.method, ctx.secret, now);
    if (check === 'ok') return null;
    return reply(401, challenges(auth, ctx.secret, now, check === 'stale').map((v) => ['WWW-Authenticate', v] as [string, string]));
  };
  /** The session a PLAY/TEARDOWN names, or the reply refusing it. */
  const boundSession = (): ServerSession<S> | Reply => {
    if (sessionId === undefined) return reply(455);
    if (session === undefined) return reply(454);
    const parsed = parseStreamPath(req.url);
    if (!parsed.ok) return reply(parsed.error === 'bad-url' ? 400 : 404);
    if (!sameStream(parsed.path, session.path)) return reply(459);
    return unauthorized(session.stream.auth) ?? session;
  };

  switch (req.method) {
    case 'OPTIONS':
      return done(reply(200, [['Public', PUBLIC_METHODS]]));

    case 'DESCRIBE': {
      const parsed = parseStreamPath(req.url);
      if (!parsed.ok) return done(reply(parsed.error === 'bad-url' ? 400 : 404));
      const found = ctx.resolve(parsed.path);
      if (!found.ok) return done(reply(found.status));
      const denied = unauthorized(found.stream.auth);
      if (denied) return done(denied);
      const { path } = parsed;
      const ps = found.stream.faults.parameterSets;
      const body = buildSdp({
        media: found.stream.media,
        trackUrl: trackUrl(path),
        sessionName: `${found.stream.camera} ${found.stream.stream}`,
        withParameterSets: ps === 'both' || ps === 'sdp-only',
        sessionId: ctx.random32(),
      });
      const contentBase = `${path.base}/${path.query === '' ? '' : `?${path.query}`}`;
      return done(reply(200, [['Content-Type', 'application/sdp'], ['Content-Base', contentBase]], body));
    }

    case 'SETUP': {
      const parsed = parseStreamPath(req.url);
      if (!parsed.ok) return done(reply(parsed.error === 'bad-url' ? 400 : 404));
      const path = parsed.path;
      if (path.track !== null && path.track !== 0) return done(reply(404));
      if (sessionId !== undefined && session === undefined) return done(reply(454));
      // one session carries one stream: joining another stream to it would be an aggregate
      if (session !== undefined && !sameStream(session.path, path)) return done(reply(459));
      if (session?.playing) return done(reply(455));
      const found = ctx.resolve(path);
      if (!found.ok) return done(reply(found.status));
      const denied = unauthorized(found.stream.auth);
      if (denied) return done(denied);
      const header = getHeader(req.headers, 'Transport');
      if (header === undefined) return done(reply(400));
      const offer = chooseTransport(header, ctx.transports);
      if (offer === null || (offer.kind === 'udp' && ctx.udpServerPorts === null)) return done(reply(461));
      if (session === undefined && sessions.size >= MAX_SESSIONS) return done(reply(453));
      let transport: NegotiatedTransport;
      if (offer.kind === 'udp') {
        transport = { kind: 'udp', clientPorts: offer.clientPorts, serverPorts: ctx.udpServerPorts as readonly [number, number] };
      } else {
        const used = new Set<number>();
        for (const s of sessions.values()) if (s !== session && s.transport.kind === 'tcp') s.transport.channels.forEach((c) => used.add(c));
        let channels = offer.channels;
        if (channels === null || used.has(channels[0]) || used.has(channels[1]) || channels[0] === channels[1]) {
          let c = 0;
          while (used.has(c) || used.has(c + 1)) c += 2;
          channels = [c, c + 1];
        }
        transport = { kind: 'tcp', channels };
      }
      let id = session?.id;
      while (id === undefined || (session === undefined && sessions.has(id))) {
        id = `${ctx.random32().toString(16).padStart(8, '0')}${ctx.random32().toString(16).padStart(8, '0')}`.toUpperCase();
      }
      const created: ServerSession<S> = {
        id, stream: found.stream, path, setupUrl: req.url, transport, ssrc: session?.ssrc ?? ctx.random32(), playing: false, lastSeen: now,
      };
      sessions.set(id, created);
      return done(reply(200, [sessionHeader(created), ['Transport', formatTransport(transport, created.ssrc)]]));
    }

    case 'PLAY': {
      const s = boundSession();
      if (!('id' in s)) return done(s);
      const extra: Headers = [sessionHeader(s), ['Range', 'npt=0.000-']];
      if (s.playing) return done(reply(200, extra));
      const seq = ctx.random32() & 0xffff;
      const rtptime = ctx.random32();
      const playing = { ...s, playing: true };
      sessions.set(s.id, playing);
      extra.push(['RTP-Info', `url=${s.setupUrl};seq=${seq};rtptime=${rtptime}`]);
      return done(reply(200, extra), state, [{ type: 'play', session: playing, seq, rtptime }]);
    }

    case 'TEARDOWN': {
      const s = boundSession();
      if (!('id' in s)) return done(s);
      sessions.delete(s.id);
      return done(reply(200), state, [{ type: 'stop', sessionId: s.id }]);
    }

    case 'GET_PARAMETER':
    case 'SET_PARAMETER': {
      if (sessionId !== undefined && session === undefined) return done(reply(454));
      const denied = session ? unauthorized(session.stream.auth) : null;
      if (denied) return done(denied);
      const extra: Headers = session ? [sessionHeader(session)] : [];
      // nothing is settable on a simulated camera
      if (req.method === 'SET_PARAMETER' && req.body.length > 0) return done(reply(451, extra));
      return done(reply(200, extra));
    }

    case 'PAUSE':
    case 'ANNOUNCE':
    case 'RECORD':
    case 'REDIRECT':
      return done(reply(405, [['Allow', PUBLIC_METHODS]]));

    default:
      return done(reply(501));
  }
}

/** Refreshes the sessions of a connection on RTCP from the client (receiver reports). */
export function touchSessions<S>(conn: ConnectionState<S>, now: number): ConnectionState<S> {
  const sessions = new Map<string, ServerSession<S>>();
  for (const [id, s] of conn.sessions) sessions.set(id, { ...s, lastSeen: now });
  return { sessions, lastActivity: now };
}

/**
 * Ends sessions silent for longer than the session timeout. A connection left without sessions
 * by expiry, or idle that long without ever having one, is closed (as live555 cameras do).
 */
export function expireSessions<S>(ctx: Pick<HandlerContext<S>, 'sessionTimeoutSec'>, conn: ConnectionState<S>, now: number): { state: ConnectionState<S>; effects: HandlerEffect<S>[] } {
  const limit = ctx.sessionTimeoutSec * 1000;
  const effects: HandlerEffect<S>[] = [];
  const sessions = new Map<string, ServerSession<S>>();
  for (const [id, s] of conn.sessions) {
    if (now - s.lastSeen > limit) effects.push({ type: 'stop', sessionId: id });
    else sessions.set(id, s);
  }
  const hadSessions = conn.sessions.size > 0;
  if ((hadSessions && sessions.size === 0) || (!hadSessions && now - conn.lastActivity > limit)) effects.push({ type: 'close' });
  return { state: effects.length === 0 ? conn : { ...conn, sessions }, effects };
}
