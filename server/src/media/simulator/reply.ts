/**
 * RTSP responses of the simulator: a small value type and its serialization. Pure.
 */

/** A response before serialization; the body is text (SDP) or empty. */
export interface Reply {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** Reason phrases (RFC 2326 §7.1.1) of every status the simulator sends. */
export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  451: 'Parameter Not Understood',
  453: 'Not Enough Bandwidth',
  454: 'Session Not Found',
  455: 'Method Not Valid in This State',
  459: 'Aggregate Operation Not Allowed',
  461: 'Unsupported Transport',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

const encoder = new TextEncoder();
const clean = (s: string): string => s.replace(/[\r\n]+/g, ' ');

/** The exact bytes of a response. */
export function serializeReply(r: Reply, serverName = 'Pantau-Simulator/0.1'): Uint8Array {
  const lines = [`RTSP/1.0 ${r.status} ${REASONS[r.status] ?? 'Unknown'}`];
  for (const [k, v] of r.headers) lines.push(`${clean(k)}: ${clean(v)}`);
  lines.push(`Server: ${serverName}`);
  const body = encoder.encode(r.body);
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  const head = encoder.encode(`${lines.join('\r\n')}\r\n\r\n`);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** 400 for a request that could not be parsed at all (no CSeq to echo). */
export const BAD_REQUEST: Reply = { status: 400, headers: [], body: '' };
