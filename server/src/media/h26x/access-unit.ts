/**
 * Types shared by the H.264 and H.265 depacketizers.
 */

/** A complete coded picture: every NAL unit of one RTP timestamp, in decoding order. */
export interface AccessUnit {
  /** RTP timestamp (32-bit, 90 kHz for video); unwrap it with `TimestampUnwrapper`. */
  readonly timestamp: number;
  /** NAL units without start codes or length prefixes; parameter sets first on keyframes. */
  readonly nalus: readonly Uint8Array[];
  /** True for IDR (H.264) or IRAP (H.265) pictures: a decoder can start here. */
  readonly isKey: boolean;
  /**
   * Latest parameter sets (H.264: SPS, PPS; H.265: VPS, SPS, PPS) when every one is known from
   * SDP or in-band, else empty. Build avcC/hvcC from these.
   */
  readonly parameterSets: readonly Uint8Array[];
  /** True when `parameterSets` differ from those of the previous access unit delivered. */
  readonly parameterSetsChanged: boolean;
  /** RTP packets lost (sequence gap) since the previous access unit delivered. */
  readonly packetsLostBefore: number;
}

/** Why a packet or a picture was discarded. All are expected on real networks and cameras. */
export type DepacketizeErrorCode =
  | 'packet-loss'
  | 'empty-payload'
  | 'unsupported-packet-type'
  | 'malformed-packet'
  | 'fragment-without-start'
  | 'fragment-incomplete'
  | 'access-unit-too-large';

/** Output of a depacketizer for one RTP packet: pictures completed and pictures dropped. */
export type DepacketizerEvent =
  | { readonly kind: 'access-unit'; readonly unit: AccessUnit }
  | {
      readonly kind: 'dropped';
      readonly code: DepacketizeErrorCode;
      /** RTP timestamp of the discarded picture. */
      readonly timestamp: number;
    };

/** The RTP fields a depacketizer needs (an `RtpPacket` fits). */
export interface RtpPayloadPacket {
  readonly sequenceNumber: number;
  readonly timestamp: number;
  readonly marker: boolean;
  readonly payload: Uint8Array;
}

/** Limits that keep a hostile or broken stream from growing memory. */
export interface DepacketizerLimits {
  /** Largest access unit in bytes (fragments included); default 8 MiB. */
  maxAccessUnitBytes?: number;
  /** Most NAL units in one access unit; default 1024. */
  maxNalusPerAccessUnit?: number;
}
