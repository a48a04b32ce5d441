/**
 * Codec-independent part of the H.264/H.265 RTP depacketizers: access-unit boundaries, loss
 * handling, parameter-set bookkeeping and memory caps. The codec files supply the payload format
 * (single NAL / aggregation / fragmentation) and the NAL type rules.
 */
import type {
  AccessUnit,
  DepacketizeErrorCode,
  DepacketizerEvent,
  DepacketizerLimits,
  RtpPayloadPacket,
} from './access-unit.ts';
import { FragmentBuffer } from './fragment.ts';

/** Result of unpacking one RTP payload into complete NAL units. */
export type UnpackResult = { ok: true; nalus: Uint8Array[] } | { ok: false; code: DepacketizeErrorCode };

/** A fragment that does not end its NAL unit yields nothing: one shared, frozen result. */
export const NOTHING_YET: UnpackResult = Object.freeze({ ok: true as const, nalus: Object.freeze([]) as unknown as Uint8Array[] });

const NO_EVENTS: DepacketizerEvent[] = Object.freeze([]) as unknown as DepacketizerEvent[];

/** What differs between H.264 and H.265. */
export interface CodecRules {
  nalType(nal: Uint8Array): number;
  isVcl(type: number): boolean;
  isKey(type: number): boolean;
  /** Parameter-set NAL types, in the order they precede a keyframe (ascending). */
  readonly parameterSetTypes: readonly number[];
  readonly audType: number;
  /** Splits one RTP payload; fragments go to (and complete from) `fu`. */
  unpack(payload: Uint8Array, fu: FragmentBuffer): UnpackResult;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Turns RTP packets (in sequence order, e.g. from `ReorderBuffer`) into access units. Stateful but
 * free of I/O: feed `push` and collect the returned events.
 */
export class Depacketizer {
  private readonly maxBytes: number;
  private readonly maxNalus: number;
  private readonly fu = new FragmentBuffer();
  private readonly known = new Map<number, Uint8Array>();
  private knownVersion = 0;
  private emittedVersion = 0;
  private lastSeq: number | null = null;
  private current: number | null = null;
  /** Timestamp of a picture being skipped after loss or a bad packet. */
  private skipping: number | null = null;
  private aud: Uint8Array | null = null;
  private params: Uint8Array[] = [];
  private body: Uint8Array[] = [];
  /** Parameter sets in this access unit that changed what was known. */
  private fresh: Uint8Array[] = [];
  private bytes = 0;
  private hasVcl = false;
  private lost = 0;

  constructor(
    private readonly rules: CodecRules,
    initialParameterSets: readonly Uint8Array[] = [],
    limits: DepacketizerLimits = {},
  ) {
    this.maxBytes = limits.maxAccessUnitBytes ?? 8 * 1024 * 1024;
    this.maxNalus = limits.maxNalusPerAccessUnit ?? 1024;
    for (const ps of initialParameterSets) this.remember(ps.slice());
    this.emittedVersion = this.knownVersion;
  }

  /** Bytes currently held for the picture in progress (for tests and metrics). */
  get bufferedBytes(): number {
    return this.bytes + this.fu.size;
  }

  /** Feeds one RTP packet; returns completed and dropped pictures. */
  push(packet: RtpPayloadPacket): DepacketizerEvent[] {
    const events = this.scratch;
    this.pushInto(packet, events);
    // most packets complete nothing: hand back one shared empty array instead of a new one each time
    return events.length === 0 ? NO_EVENTS : events.splice(0);
  }

  private readonly scratch: DepacketizerEvent[] = [];

  private pushInto(packet: RtpPayloadPacket, events: DepacketizerEvent[]): DepacketizerEvent[] {
    const seq = packet.sequenceNumber & 0xffff;
    const ts = packet.timestamp >>> 0;
    if (this.lastSeq !== null) {
      const gap = (seq - this.lastSeq - 1) & 0xffff;
      if (gap !== 0) {
        // the missing packets may hold the end of the picture in progress or the start of this
        // one: drop both rather than hand a decoder a picture with holes
        this.lost += gap < 0x8000 ? gap : 0;
        if (this.inProgress()) this.drop(events, 'packet-loss', this.current ?? ts);
        else events.push({ kind: 'dropped', code: 'packet-loss', timestamp: ts });
        this.skipping = ts;
      }
    }
    this.lastSeq = seq;
    if (this.skipping !== null) {
      if (ts === this.skipping) return events;
      this.skipping = null;
    }
    if (this.current !== null && ts !== this.current) this.finish(events);
    this.current = ts;
    if (packet.payload.length === 0) {
      this.drop(events, 'empty-payload', ts);
      return events;
    }
    const res = this.rules.unpack(packet.payload, this.fu);
    if (!res.ok) {
      this.drop(events, res.code, ts);
      return events;
    }
    for (const nal of res.nalus) this.add(nal);
    if (this.bytes + this.fu.size > this.maxBytes || this.params.length + this.body.length > this.maxNalus) {
      this.drop(events, 'access-unit-too-large', ts);
      return events;
    }
    if (packet.marker) this.finish(events);
    return events;
  }

  private inProgress(): boolean {
    return this.hasVcl || this.fu.active || (this.current !== null && this.bytes > 0);
  }

  private drop(events: DepacketizerEvent[], code: DepacketizeErrorCode, ts: number): void {
    events.push({ kind: 'dropped', code, timestamp: ts });
    this.reset();
    this.skipping = ts;
  }

  private reset(): void {
    this.fu.reset();
    this.aud = null;
    this.params = [];
    this.body = [];
    this.fresh = [];
    this.bytes = 0;
    this.hasVcl = false;
    this.current = null;
  }

  /** Records a parameter set; true when it differs from the one known for its type. */
  private remember(nal: Uint8Array): boolean {
    const type = this.rules.nalType(nal);
    const prev = this.known.get(type);
    if (prev !== undefined && sameBytes(prev, nal)) return false;
    this.known.set(type, nal);
    this.knownVersion++;
    return true;
  }

  private add(nal: Uint8Array): void {
    if (nal.length === 0) return;
    const type = this.rules.nalType(nal);
    if (this.rules.parameterSetTypes.includes(type)) {
      // gst-rtsp-server with config-interval=-1 (and some cameras) repeat SPS/PPS before every
      // slice; keep one copy per access unit
      if (this.params.some((p) => sameBytes(p, nal))) return;
      if (this.remember(nal)) this.fresh.push(nal);
      this.params.push(nal);
    } else if (type === this.rules.audType) {
      if (this.aud !== null) return;
      this.aud = nal;
    } else {
      this.body.push(nal);
      if (this.rules.isVcl(type)) this.hasVcl = true;
    }
    this.bytes += nal.length;
  }

  private finish(events: DepacketizerEvent[]): void {
    if (this.fu.active) {
      this.drop(events, 'fragment-incomplete', this.current ?? 0);
      return;
    }
    if (!this.hasVcl) {
      // parameter sets or SEI sent alone (some cameras mark them): carry them to the next picture
      this.current = null;
      return;
    }
    const rules = this.rules;
    const isKey = this.body.some((n) => rules.isVcl(rules.nalType(n)) && rules.isKey(rules.nalType(n)));
    let params = this.params;
    if (isKey) {
      // cameras may send SPS/PPS only in SDP or only now and then; prepend them before each key
      for (const type of rules.parameterSetTypes) {
        const k = this.known.get(type);
        if (k !== undefined && !params.some((p) => rules.nalType(p) === type)) params = [...params, k];
      }
      params = [...params].sort((a, b) => rules.nalType(a) - rules.nalType(b));
    } else {
      // repeats of the sets already known add nothing to a non-key picture
      params = params.filter((p) => this.fresh.includes(p));
    }
    const sets = rules.parameterSetTypes.map((t) => this.known.get(t));
    const complete = sets.every((s) => s !== undefined) ? (sets as Uint8Array[]) : [];
    const unit: AccessUnit = {
      timestamp: this.current ?? 0,
      nalus: [...(this.aud ? [this.aud] : []), ...params, ...this.body],
      isKey,
      parameterSets: complete,
      parameterSetsChanged: this.knownVersion !== this.emittedVersion,
      packetsLostBefore: this.lost,
    };
    this.emittedVersion = this.knownVersion;
    this.lost = 0;
    this.reset();
    events.push({ kind: 'access-unit', unit });
  }
}
