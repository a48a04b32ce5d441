/**
 * Incremental RTSP/1.0 reader for the client side of a TCP connection: responses, requests sent
 * by the server (some cameras send GET_PARAMETER or ANNOUNCE), and interleaved binary frames
 * (`$` channel length payload, RFC 2326 §10.12) mixed in one byte stream.
 *
 * Memory is bounded: at most one header block (`maxHeaderBytes`) plus one body (`maxBodyBytes`),
 * or one interleaved frame (≤ 65,539 bytes), is held between calls. Garbage never throws; it
 * produces typed error events, and errors after which the stream cannot be trusted are fatal.
 */

/** Header fields in arrival order; names keep their original case. */
export type RtspHeaders = readonly (readonly [string, string])[];

/** A response from the server. */
export interface RtspResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: RtspHeaders;
  readonly body: Uint8Array;
}

/** A request sent by the server to the client. */
export interface RtspServerRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly url: string;
  readonly headers: RtspHeaders;
  readonly body: Uint8Array;
}

/** An interleaved binary frame: RTP or RTCP on the channel negotiated in SETUP. */
export interface InterleavedFrame {
  readonly kind: 'interleaved';
  readonly channel: number;
  readonly payload: Uint8Array;
}

/** Error codes; `fatal` ones leave the parser closed, as the framing is lost. */
export type RtspParseErrorCode =
  | 'garbage'
  | 'bad-start-line'
  | 'header-too-large'
  | 'bad-content-length'
  | 'body-too-large';

/** A parse error event. */
export interface RtspParseError {
  readonly kind: 'error';
  readonly code: RtspParseErrorCode;
  readonly fatal: boolean;
  /** Bytes skipped, for `garbage`. */
  readonly bytes?: number;
}

/** Everything {@link RtspStreamParser.push} can return. */
export type RtspStreamEvent = RtspResponse | RtspServerRequest | InterleavedFrame | RtspParseError;

/** Limits; defaults fit every camera we know (SDP bodies are a few KB). */
export interface RtspParserLimits {
  maxHeaderBytes?: number;
  maxBodyBytes?: number;
}

/** First value of a header, case-insensitive. */
export function getHeader(headers: RtspHeaders, name: string): string | undefined {
  const n = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** All values of a header, case-insensitive (e.g. several WWW-Authenticate challenges). */
export function getHeaders(headers: RtspHeaders, name: string): string[] {
  const n = name.toLowerCase();
  return headers.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
}

const DOLLAR = 0x24;
const decoder = new TextDecoder('utf-8');
const RESPONSE = /^RTSP\/\d\.\d (\d{3})(?: (.*))?$/;
const REQUEST = /^([A-Z][A-Z_]{0,31}) (\S+) RTSP\/\d\.\d$/;

/** Could `buf[pos..]` begin an RTSP message? 'maybe' when more bytes are needed to tell. */
function startsMessage(buf: Uint8Array, pos: number): 'yes' | 'no' | 'maybe' {
  const rtsp = 'RTSP/';
  let i = 0;
  for (; i < rtsp.length && pos + i < buf.length; i++) if (buf[pos + i] !== rtsp.charCodeAt(i)) break;
  if (i === rtsp.length) return 'yes';
  if (pos + i === buf.length) return 'maybe';
  // a request: METHOD followed by a space
  for (i = 0; i < 33 && pos + i < buf.length; i++) {
    const c = buf[pos + i] as number;
    if (c === 0x20) return i > 0 ? 'yes' : 'no';
    const upper = c >= 0x41 && c <= 0x5a;
    if (!(upper || (c === 0x5f && i > 0))) return 'no';
  }
  return i === 33 ? 'no' : 'maybe';
}

/** Finds the end of the header block: index after CRLFCRLF (or LFLF, sent by some cameras). */
function headerEnd(buf: Uint8Array, from: number, limit: number): number {
  const end = Math.min(buf.length, limit);
  for (let i = from; i + 1 < end; i++) {
    if (buf[i] !== 0x0a) continue;
    if (buf[i + 1] === 0x0a) return i + 2;
    if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a && i + 2 < end) return i + 3;
  }
  return -1;
}

interface Head {
  startLine: string;
  headers: [string, string][];
}

function parseHead(text: string): Head {
  const lines = text.split(/\r?\n/);
  const headers: [string, string][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const last = headers[headers.length - 1];
    // obsolete line folding: continuation lines start with whitespace
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    // cameras send odd lines; a line without a colon carries nothing we could use
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { startLine: lines[0] ?? '', headers };
}

/** Splits an RTSP client's TCP byte stream into messages and interleaved frames. */
export class RtspStreamParser {
  private buf: Uint8Array = new Uint8Array(0);
  private closed = false;
  private readonly maxHeader: number;
  private readonly maxBody: number;

  constructor(limits: RtspParserLimits = {}) {
    this.maxHeader = limits.maxHeaderBytes ?? 16 * 1024;
    this.maxBody = limits.maxBodyBytes ?? 256 * 1024;
  }

  /** Bytes held between calls; never above maxHeaderBytes + maxBodyBytes (or one frame). */
  get bufferedBytes(): number {
    return this.buf.length;
  }

  /** True after a fatal error; further input is ignored. */
  get failed(): boolean {
    return this.closed;
  }

  /** Feeds bytes from the socket; returns the complete events they finish. */
  push(chunk: Uint8Array): RtspStreamEvent[] {
    if (this.closed) return [];
    if (this.buf.length === 0) return this.parse(chunk);
    // An interleaved frame cut by the chunk boundary: stitch only that frame instead of copying the
    // whole new chunk behind the tail (at 4 Mbit/s per camera that copy is most of the parse cost).
    const need = this.pendingFrameBytes();
    if (need > 0 && need <= chunk.length) {
      const first = this.parse(concat(this.buf, chunk.subarray(0, need)));
      if (this.closed) return first;
      const rest = this.parse(chunk.subarray(need));
      for (const e of rest) first.push(e);
      return first;
    }
    return this.parse(concat(this.buf, chunk));
  }

  /** Bytes still missing from a buffered interleaved frame whose header is complete, else 0. */
  private pendingFrameBytes(): number {
    const b = this.buf;
    if (b.length < 4 || b[0] !== DOLLAR) return 0;
    return 4 + (((b[2] as number) << 8) | (b[3] as number)) - b.length;
  }

  private parse(buf: Uint8Array): RtspStreamEvent[] {
    const events: RtspStreamEvent[] = [];
    let pos = 0;
    let garbage = 0;
    const flushGarbage = (): void => {
      if (garbage > 0) events.push({ kind: 'error', code: 'garbage', fatal: false, bytes: garbage });
      garbage = 0;
    };
    while (pos < buf.length) {
      if (buf[pos] === DOLLAR) {
        if (buf.length - pos < 4) break;
        const len = ((buf[pos + 2] as number) << 8) | (buf[pos + 3] as number);
        if (buf.length - pos < 4 + len) break;
        flushGarbage();
        events.push({ kind: 'interleaved', channel: buf[pos + 1] as number, payload: buf.subarray(pos + 4, pos + 4 + len) });
        pos += 4 + len;
        continue;
      }
      const start = startsMessage(buf, pos);
      if (start === 'maybe') break;
      if (start === 'no') {
        garbage++;
        pos++;
        continue;
      }
      flushGarbage();
      const end = headerEnd(buf, pos, pos + this.maxHeader);
      if (end < 0) {
        if (buf.length - pos >= this.maxHeader) return this.fail(events, 'header-too-large');
        break;
      }
      const head = parseHead(decoder.decode(buf.subarray(pos, end)));
      const lengths = head.headers.filter(([k]) => k.toLowerCase() === 'content-length').map(([, v]) => v);
      if (lengths.some((v) => !/^\d{1,10}$/.test(v)) || new Set(lengths.map(Number)).size > 1) {
        return this.fail(events, 'bad-content-length');
      }
      const length = lengths.length > 0 ? Number(lengths[0]) : 0;
      if (length > this.maxBody) return this.fail(events, 'body-too-large');
      if (buf.length - end < length) break;
      const body = buf.subarray(end, end + length);
      pos = end + length;
      const res = RESPONSE.exec(head.startLine);
      const req = res ? null : REQUEST.exec(head.startLine);
      if (res) {
        events.push({ kind: 'response', status: Number(res[1]), reason: res[2] ?? '', headers: head.headers, body });
      } else if (req) {
        events.push({ kind: 'request', method: req[1] as string, url: req[2] as string, headers: head.headers, body });
      } else {
        events.push({ kind: 'error', code: 'bad-start-line', fatal: false });
      }
    }
    flushGarbage();
    // keep a private copy of the unfinished tail so the caller's chunk can be released
    // (Uint8Array's slice copies; a Buffer's slice would only be a view of the whole chunk)
    this.buf = pos >= buf.length ? new Uint8Array(0) : Uint8Array.prototype.slice.call(buf, pos);
    return events;
  }

  private fail(events: RtspStreamEvent[], code: RtspParseErrorCode): RtspStreamEvent[] {
    this.closed = true;
    this.buf = new Uint8Array(0);
    events.push({ kind: 'error', code, fatal: true });
    return events;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  // every byte is overwritten: skip the zero fill
  const out = Buffer.allocUnsafe(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
