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

/** Receives what the parser finds, in arrival order. */
export interface RtspStreamSink {
  /** An interleaved frame's payload: a view valid only during the call. */
  frame(channel: number, payload: Uint8Array): void;
  /** A response, a server request or an error. */
  event(e: RtspResponse | RtspServerRequest | RtspParseError): void;
}

/**
 * Splits an RTSP client's TCP byte stream into messages and interleaved frames.
 *
 * Interleaved frames are the hot path (hundreds of cameras × hundreds of packets a second): `feed`
 * hands them to a callback as views of the caller's chunk, parsed in place, and a frame cut by a
 * chunk boundary is completed in one reused buffer, so a read costs no allocation.
 */
export class RtspStreamParser {
  /** Unparsed bytes carried between calls: `pending[0..pendingLength)`. */
  private pending = new Uint8Array(2048);
  private pendingLength = 0;
  private closed = false;
  private readonly maxHeader: number;
  private readonly maxBody: number;

  constructor(limits: RtspParserLimits = {}) {
    this.maxHeader = limits.maxHeaderBytes ?? 16 * 1024;
    this.maxBody = limits.maxBodyBytes ?? 256 * 1024;
  }

  /** Bytes held between calls; never above maxHeaderBytes + maxBodyBytes (or one frame). */
  get bufferedBytes(): number {
    return this.pendingLength;
  }

  /** True after a fatal error; further input is ignored. */
  get failed(): boolean {
    return this.closed;
  }

  /** Feeds bytes from the socket; returns every complete event, interleaved frames included (copied). */
  push(chunk: Uint8Array): RtspStreamEvent[] {
    const events: RtspStreamEvent[] = [];
    this.feed(chunk, {
      frame: (channel, payload) => events.push({ kind: 'interleaved', channel, payload: payload.slice() }),
      event: (e) => events.push(e),
    });
    return events;
  }

  /** Feeds bytes from the socket; what completes goes to `sink` as it is found. */
  feed(chunk: Uint8Array, sink: RtspStreamSink): void {
    if (this.closed) return;
    let pos = 0;
    if (this.pendingLength > 0) {
      pos = this.completePending(chunk, sink);
      if (pos < 0 || this.closed) return;
    }
    const end = this.parse(chunk, pos, sink);
    if (end < chunk.length && !this.closed) this.keep(chunk, end, chunk.length);
  }

  /**
   * Finishes what the previous chunk left: an interleaved frame costs one copy of its missing
   * bytes; anything else (a message cut in two, rare) is parsed from pending + chunk. Returns where
   * parsing of `chunk` continues, or -1 when the whole chunk was consumed.
   */
  private completePending(chunk: Uint8Array, sink: RtspStreamSink): number {
    if (this.pending[0] === DOLLAR) {
      let pos = 0;
      if (this.pendingLength < 4) {
        pos = Math.min(4 - this.pendingLength, chunk.length);
        this.append(chunk, 0, pos);
        if (this.pendingLength < 4) return -1;
      }
      const p = this.pending;
      const total = 4 + ((p[2]! << 8) | p[3]!);
      const need = total - this.pendingLength;
      if (need > chunk.length - pos) {
        this.append(chunk, pos, chunk.length);
        return -1;
      }
      this.append(chunk, pos, pos + need);
      this.pendingLength = 0;
      sink.frame(p[1]!, p.subarray(4, total));
      return pos + need;
    }
    const joined = new Uint8Array(this.pendingLength + chunk.length);
    joined.set(this.pending.subarray(0, this.pendingLength));
    joined.set(chunk, this.pendingLength);
    this.pendingLength = 0;
    const end = this.parse(joined, 0, sink);
    if (end < joined.length && !this.closed) this.keep(joined, end, joined.length);
    return -1;
  }

  private append(src: Uint8Array, from: number, to: number): void {
    const need = this.pendingLength + (to - from);
    if (need > this.pending.length) {
      const grown = new Uint8Array(Math.max(need, this.pending.length * 2));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(src.subarray(from, to), this.pendingLength);
    this.pendingLength = need;
  }

  /** Keeps a private copy of an unfinished tail so the caller's chunk can be reused. */
  private keep(src: Uint8Array, from: number, to: number): void {
    this.pendingLength = 0;
    // a big body once should not pin its buffer forever
    if (this.pending.length > 128 * 1024 && to - from <= 2048) this.pending = new Uint8Array(2048);
    this.append(src, from, to);
  }

  /** Parses `buf` from `pos`; returns where the unfinished tail starts (buf.length if none). */
  private parse(buf: Uint8Array, pos: number, sink: RtspStreamSink): number {
    let garbage = 0;
    while (pos < buf.length) {
      if (buf[pos] === DOLLAR) {
        if (buf.length - pos < 4) break;
        const len = (buf[pos + 2]! << 8) | buf[pos + 3]!;
        if (buf.length - pos < 4 + len) break;
        if (garbage > 0) garbage = flushGarbage(sink, garbage);
        sink.frame(buf[pos + 1]!, buf.subarray(pos + 4, pos + 4 + len));
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
      if (garbage > 0) garbage = flushGarbage(sink, garbage);
      const end = headerEnd(buf, pos, pos + this.maxHeader);
      if (end < 0) {
        if (buf.length - pos >= this.maxHeader) return this.fail(sink, 'header-too-large', buf);
        break;
      }
      const head = parseHead(decoder.decode(buf.subarray(pos, end)));
      const lengths = head.headers.filter(([k]) => k.toLowerCase() === 'content-length').map(([, v]) => v);
      if (lengths.some((v) => !/^\d{1,10}$/.test(v)) || new Set(lengths.map(Number)).size > 1) {
        return this.fail(sink, 'bad-content-length', buf);
      }
      const length = lengths.length > 0 ? Number(lengths[0]) : 0;
      if (length > this.maxBody) return this.fail(sink, 'body-too-large', buf);
      if (buf.length - end < length) break;
      // a private copy: the caller's chunk is reused after this call
      const body = buf.slice(end, end + length);
      pos = end + length;
      const res = RESPONSE.exec(head.startLine);
      const req = res ? null : REQUEST.exec(head.startLine);
      if (res) {
        sink.event({ kind: 'response', status: Number(res[1]), reason: res[2] ?? '', headers: head.headers, body });
      } else if (req) {
        sink.event({ kind: 'request', method: req[1] as string, url: req[2] as string, headers: head.headers, body });
      } else {
        sink.event({ kind: 'error', code: 'bad-start-line', fatal: false });
      }
    }
    if (garbage > 0) flushGarbage(sink, garbage);
    return pos;
  }

  private fail(sink: RtspStreamSink, code: RtspParseErrorCode, buf: Uint8Array): number {
    this.closed = true;
    this.pendingLength = 0;
    this.pending = new Uint8Array(0);
    sink.event({ kind: 'error', code, fatal: true });
    return buf.length;
  }
}

function flushGarbage(sink: RtspStreamSink, bytes: number): 0 {
  sink.event({ kind: 'error', code: 'garbage', fatal: false, bytes });
  return 0;
}
