/**
 * RFC 6184 H.264 RTP packetization (packetization-mode=1: single NAL unit, STAP-A, FU-A) and
 * the pre-built frame templates the player stamps and sends. Everything here runs once per
 * fixture, so sending a frame at run time is one copy plus four header fields per packet. Pure.
 */
import type { Fixture } from './fixture.ts';
import type { ParameterSetMode } from './faults.ts';

/** Default largest RTP packet (header included), below common path MTUs with room for tunnels. */
export const DEFAULT_MTU = 1400;

const RTP_HEADER = 12;
const STAP_A = 24;
const FU_A = 28;

/**
 * RTP payloads for one access unit: consecutive NAL units that fit together go into one STAP-A,
 * a NAL unit that fits alone is sent as is, a larger one is split into FU-A fragments. Every
 * payload is at most `maxPayload` bytes.
 */
export function packetizeAccessUnit(nalus: readonly Uint8Array[], maxPayload: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < nalus.length) {
    const nal = nalus[i] as Uint8Array;
    // STAP-A: 1 header byte, then a 16-bit size before each NAL unit
    let size = 1 + 2 + nal.length;
    let n = 1;
    while (i + n < nalus.length && size + 2 + (nalus[i + n] as Uint8Array).length <= maxPayload) {
      size += 2 + (nalus[i + n] as Uint8Array).length;
      n++;
    }
    if (n > 1) {
      const group = nalus.slice(i, i + n);
      const stap = new Uint8Array(size);
      // F is the OR of the F bits, NRI the highest NRI (RFC 6184 §5.7.1)
      let nri = 0;
      let f = 0;
      for (const g of group) {
        nri = Math.max(nri, (g[0] as number) & 0x60);
        f |= (g[0] as number) & 0x80;
      }
      stap[0] = f | nri | STAP_A;
      let o = 1;
      for (const g of group) {
        stap[o] = g.length >> 8;
        stap[o + 1] = g.length & 0xff;
        stap.set(g, o + 2);
        o += 2 + g.length;
      }
      out.push(stap);
      i += n;
      continue;
    }
    i++;
    if (nal.length <= maxPayload) {
      out.push(nal);
      continue;
    }
    const header = nal[0] as number;
    const body = nal.subarray(1);
    const chunk = maxPayload - 2;
    for (let o = 0; o < body.length; o += chunk) {
      const part = body.subarray(o, Math.min(o + chunk, body.length));
      const fu = new Uint8Array(2 + part.length);
      fu[0] = (header & 0xe0) | FU_A;
      fu[1] = (o === 0 ? 0x80 : 0) | (o + chunk >= body.length ? 0x40 : 0) | (header & 0x1f);
      fu.set(part, 2);
      out.push(fu);
    }
  }
  return out;
}

/**
 * One access unit as ready-to-send bytes: each RTP packet prefixed by its 4-byte interleaved
 * header (`$`, channel, length), with sequence number, timestamp, SSRC and channel left zero for
 * the player to stamp. UDP sends each packet without the 4-byte prefix.
 */
export interface FrameTemplate {
  readonly bytes: Uint8Array;
  /** Offset of each packet's `$` in `bytes`. */
  readonly offsets: Uint32Array;
  readonly isKey: boolean;
  /** Bytes of RTP (headers and payloads, without interleaved prefixes). */
  readonly rtpBytes: number;
}

/** A fixture packetized for one parameter-set mode. */
export interface PreparedStream {
  readonly fixture: Fixture;
  readonly frames: readonly FrameTemplate[];
  readonly keyIndexes: readonly number[];
  readonly payloadType: number;
}

/** Builds the template of one access unit. */
export function buildTemplate(nalus: readonly Uint8Array[], isKey: boolean, payloadType: number, mtu: number): FrameTemplate {
  const payloads = packetizeAccessUnit(nalus, mtu - RTP_HEADER);
  let size = 0;
  for (const p of payloads) size += 4 + RTP_HEADER + p.length;
  const bytes = new Uint8Array(size);
  const offsets = new Uint32Array(payloads.length);
  let o = 0;
  payloads.forEach((p, k) => {
    offsets[k] = o;
    const len = RTP_HEADER + p.length;
    bytes[o] = 0x24;
    bytes[o + 2] = len >> 8;
    bytes[o + 3] = len & 0xff;
    bytes[o + 4] = 0x80;
    // the marker bit ends the access unit (RFC 6184 §5.1)
    bytes[o + 5] = (k === payloads.length - 1 ? 0x80 : 0) | (payloadType & 0x7f);
    bytes.set(p, o + 4 + RTP_HEADER);
    o += 4 + len;
  });
  return { bytes, offsets, isKey, rtpBytes: size - 4 * payloads.length };
}

/**
 * Packetizes every access unit of a fixture. With `sdp-only` the in-band SPS/PPS are removed;
 * the other modes keep them (they differ in the SDP and in where playback starts).
 */
export function prepareStream(fixture: Fixture, mode: ParameterSetMode, opts: { mtu?: number; payloadType?: number } = {}): PreparedStream {
  const mtu = Math.max(64, Math.min(opts.mtu ?? DEFAULT_MTU, 65535 - 4));
  const pt = opts.payloadType ?? 96;
  const frames = fixture.units.map((u) => {
    const nalus = mode === 'sdp-only' ? u.nalus.filter((n) => ((n[0] as number) & 0x1f) !== 7 && ((n[0] as number) & 0x1f) !== 8) : u.nalus;
    return buildTemplate(nalus, u.isKey, pt, mtu);
  });
  return { fixture, frames, keyIndexes: fixture.keyIndexes, payloadType: pt };
}

/**
 * Copies a template into `out` (same length) and stamps channel, sequence numbers (one per
 * packet, from `seq`), timestamp and SSRC. Returns the sequence number after the last packet.
 */
export function stampFrame(t: FrameTemplate, out: Uint8Array, channel: number, seq: number, timestamp: number, ssrc: number): number {
  out.set(t.bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let s = seq;
  for (let k = 0; k < t.offsets.length; k++) {
    const o = t.offsets[k] as number;
    out[o + 1] = channel;
    view.setUint16(o + 6, s & 0xffff);
    view.setUint32(o + 8, timestamp >>> 0);
    view.setUint32(o + 12, ssrc >>> 0);
    s++;
  }
  return s & 0xffff;
}
