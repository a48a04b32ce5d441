/**
 * Pure builders for the RTSP/1.0 requests a camera client sends (RFC 2326 §10), plus parsing of
 * camera URLs. Output is the exact bytes to write to the socket.
 */

/** Fields common to every request. */
export interface RequestBase {
  /** Request URL without credentials (see {@link parseRtspUrl}). */
  readonly url: string;
  readonly cseq: number;
  /** Session id from SETUP's response (without `;timeout=`). */
  readonly session?: string;
  /** Value of the Authorization header, from `auth.ts`. */
  readonly authorization?: string;
  readonly userAgent?: string;
}

/** Any request: method, extra headers and optional body. */
export interface RequestInit extends RequestBase {
  readonly method: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: string;
}

/** Default User-Agent; some cameras reject requests without one. */
export const USER_AGENT = 'Pantau/0.1';

const encoder = new TextEncoder();

// header values must not be able to inject lines into the request
const clean = (s: string): string => s.replace(/[\r\n]+/g, ' ');

/** Builds one request: request line, CSeq, User-Agent, Session, Authorization, extras, body. */
export function buildRequest(r: RequestInit): Uint8Array {
  const lines = [`${clean(r.method)} ${clean(r.url)} RTSP/1.0`, `CSeq: ${r.cseq}`, `User-Agent: ${clean(r.userAgent ?? USER_AGENT)}`];
  if (r.authorization !== undefined) lines.push(`Authorization: ${clean(r.authorization)}`);
  if (r.session !== undefined) lines.push(`Session: ${clean(r.session)}`);
  for (const [k, v] of r.headers ?? []) lines.push(`${clean(k)}: ${clean(v)}`);
  const body = r.body === undefined ? new Uint8Array(0) : encoder.encode(r.body);
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  const head = encoder.encode(`${lines.join('\r\n')}\r\n\r\n`);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** OPTIONS: capability probe, also a keepalive for servers that ignore GET_PARAMETER. */
export function optionsRequest(r: RequestBase): Uint8Array {
  return buildRequest({ ...r, method: 'OPTIONS' });
}

/** DESCRIBE asking for SDP. */
export function describeRequest(r: RequestBase): Uint8Array {
  return buildRequest({ ...r, method: 'DESCRIBE', headers: [['Accept', 'application/sdp']] });
}

/** How media should flow for one SETUP. */
export type TransportRequest =
  | { readonly kind: 'tcp'; readonly rtpChannel: number }
  | { readonly kind: 'udp'; readonly rtpPort: number };

/** The Transport header value for a SETUP (RTCP uses the next channel or port). */
export function transportHeader(t: TransportRequest): string {
  return t.kind === 'tcp'
    ? `RTP/AVP/TCP;unicast;interleaved=${t.rtpChannel}-${t.rtpChannel + 1}`
    : `RTP/AVP;unicast;client_port=${t.rtpPort}-${t.rtpPort + 1}`;
}

/** SETUP for one media's control URL, TCP interleaved or UDP client ports. */
export function setupRequest(r: RequestBase & { readonly transport: TransportRequest }): Uint8Array {
  return buildRequest({ ...r, method: 'SETUP', headers: [['Transport', transportHeader(r.transport)]] });
}

/** PLAY from now (live cameras ignore Range, some require it). */
export function playRequest(r: RequestBase): Uint8Array {
  return buildRequest({ ...r, method: 'PLAY', headers: [['Range', 'npt=0.000-']] });
}

/** TEARDOWN, so live555-based cameras free the session instead of waiting ~65 s. */
export function teardownRequest(r: RequestBase): Uint8Array {
  return buildRequest({ ...r, method: 'TEARDOWN' });
}

/** Empty GET_PARAMETER: the usual keepalive. */
export function getParameterRequest(r: RequestBase): Uint8Array {
  return buildRequest({ ...r, method: 'GET_PARAMETER' });
}

/** A camera URL split into what the client needs. */
export interface RtspUrl {
  /** URL without user info: what goes in request lines. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
}

/** Why a camera URL was refused. */
export type RtspUrlError = 'invalid-url' | 'unsupported-scheme';

/** Parses `rtsp://user:pass@host:port/path?query`; credentials are percent-decoded. */
export function parseRtspUrl(input: string): { ok: true; value: RtspUrl } | { ok: false; error: RtspUrlError } {
  if (!URL.canParse(input)) return { ok: false, error: 'invalid-url' };
  const u = new URL(input);
  if (u.protocol !== 'rtsp:') return { ok: false, error: 'unsupported-scheme' };
  if (u.hostname === '') return { ok: false, error: 'invalid-url' };
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s; // a stray % in a camera password is common; use it literally
    }
  };
  const username = decode(u.username);
  const password = decode(u.password);
  u.username = '';
  u.password = '';
  return { ok: true, value: { url: u.toString(), host: u.hostname, port: u.port === '' ? 554 : Number(u.port), username, password } };
}
