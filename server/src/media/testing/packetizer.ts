/**
 * Test-only helpers: a small RTP packetizer for H.264 (RFC 6184) and H.265 (RFC 7798), access-unit
 * grouping of Annex B fixtures, and fixture loading. Written independently of the depacketizers
 * so round trips test one against the other.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitAnnexB } from '../mp4/annexb.ts';
import type { RtpPayloadPacket } from '../h26x/access-unit.ts';

/** Absolute path of a file in server/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
}

/** Reads a fixture's NAL units. */
export function fixtureNalus(name: string): Uint8Array[] {
  return splitAnnexB(new Uint8Array(readFileSync(fixturePath(name))));
}

/** Codec-specific bits of the packetizer and grouping. */
interface Codec {
  headerSize: 1 | 2;
  type(nal: Uint8Array): number;
  isVcl(type: number): boolean;
  /** True when a VCL NAL starts a new picture (first_mb_in_slice = 0 / first_slice_segment flag). */
  firstSliceOfPicture(nal: Uint8Array): boolean;
  /** Non-VCL types that may only appear before the first VCL NAL of an access unit. */
  startsAccessUnit(type: number): boolean;
  aggregateHeader(nals: Uint8Array[]): Uint8Array;
  fuHeaders(nal: Uint8Array, start: boolean, end: boolean): Uint8Array;
}

export const h264TestCodec: Codec = {
  headerSize: 1,
  type: (n) => (n[0] ?? 0) & 0x1f,
  isVcl: (t) => t >= 1 && t <= 5,
  firstSliceOfPicture: (n) => ((n[1] ?? 0) & 0x80) !== 0, // ue(v) "1" = first_mb_in_slice 0
  startsAccessUnit: (t) => t === 6 || t === 7 || t === 8 || t === 9 || (t >= 14 && t <= 18),
  aggregateHeader: (nals) => Uint8Array.of(Math.max(...nals.map((n) => (n[0] ?? 0) & 0x60)) | 24),
  fuHeaders: (nal, s, e) =>
    Uint8Array.of(((nal[0] ?? 0) & 0xe0) | 28, (s ? 0x80 : 0) | (e ? 0x40 : 0) | ((nal[0] ?? 0) & 0x1f)),
};

export const h265TestCodec: Codec = {
  headerSize: 2,
  type: (n) => ((n[0] ?? 0) >> 1) & 0x3f,
  isVcl: (t) => t < 32,
  firstSliceOfPicture: (n) => ((n[2] ?? 0) & 0x80) !== 0,
  startsAccessUnit: (t) => (t >= 32 && t <= 35) || t === 39 || (t >= 41 && t <= 44) || (t >= 48 && t <= 55),
  aggregateHeader: (nals) => Uint8Array.of(48 << 1, Math.min(...nals.map((n) => (n[1] ?? 1) & 7)) || 1),
  fuHeaders: (nal, s, e) =>
    Uint8Array.of(((nal[0] ?? 0) & 0x81) | (49 << 1), nal[1] ?? 1, (s ? 0x80 : 0) | (e ? 0x40 : 0) | (((nal[0] ?? 0) >> 1) & 0x3f)),
};

/** Groups a stream's NAL units into access units (ITU-T H.264 §7.4.1.2.3 / H.265 §7.4.2.4.4). */
export function groupAccessUnits(codec: Codec, nals: readonly Uint8Array[]): Uint8Array[][] {
  const aus: Uint8Array[][] = [];
  let cur: Uint8Array[] = [];
  let hasVcl = false;
  for (const nal of nals) {
    const t = codec.type(nal);
    const vcl = codec.isVcl(t);
    if (hasVcl && ((vcl && codec.firstSliceOfPicture(nal)) || (!vcl && codec.startsAccessUnit(t)))) {
      aus.push(cur);
      cur = [];
      hasVcl = false;
    }
    cur.push(nal);
    if (vcl) hasVcl = true;
  }
  if (cur.length > 0) aus.push(cur);
  return aus;
}

/** Packetizer options. */
export interface PacketizeOptions {
  mtu?: number;
  /** Aggregate consecutive small NAL units (STAP-A / AP); default true. */
  aggregate?: boolean;
  firstSequence?: number;
  firstTimestamp?: number;
  /** Timestamp increment per access unit (90 kHz); default 3600 (25 fps). */
  frameDuration?: number;
}

/** Packetizes access units into RTP payload packets; the last packet of each unit has the marker. */
export function packetize(codec: Codec, aus: readonly (readonly Uint8Array[])[], opts: PacketizeOptions = {}): RtpPayloadPacket[] {
  const mtu = opts.mtu ?? 1400;
  const out: RtpPayloadPacket[] = [];
  let seq = opts.firstSequence ?? 1000;
  let ts = opts.firstTimestamp ?? 90000;
  const frame = opts.frameDuration ?? 3600;
  for (const au of aus) {
    const payloads: Uint8Array[] = [];
    let i = 0;
    while (i < au.length) {
      const nal = au[i] as Uint8Array;
      const group: Uint8Array[] = [nal];
      let size = codec.headerSize + 2 + nal.length;
      while (opts.aggregate !== false && i + group.length < au.length) {
        const next = au[i + group.length] as Uint8Array;
        if (size + 2 + next.length > mtu) break;
        group.push(next);
        size += 2 + next.length;
      }
      i += group.length;
      if (group.length > 1) {
        const parts = [codec.aggregateHeader(group)];
        for (const n of group) parts.push(Uint8Array.of(n.length >> 8, n.length & 0xff), n);
        payloads.push(Buffer.concat(parts));
      } else if (nal.length <= mtu) {
        payloads.push(nal);
      } else {
        const body = nal.subarray(codec.headerSize);
        const chunk = mtu - codec.headerSize - 1;
        for (let o = 0; o < body.length; o += chunk) {
          const hdr = codec.fuHeaders(nal, o === 0, o + chunk >= body.length);
          payloads.push(Buffer.concat([hdr, body.subarray(o, o + chunk)]));
        }
      }
    }
    payloads.forEach((payload, k) => {
      out.push({ sequenceNumber: seq & 0xffff, timestamp: ts >>> 0, marker: k === payloads.length - 1, payload: new Uint8Array(payload) });
      seq++;
    });
    ts += frame;
  }
  return out;
}
