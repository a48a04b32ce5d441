/**
 * Fragmented MP4 for one H.264 or H.265 video track: an init segment (ftyp + moov) from the codec
 * configuration, then media segments (moof + mdat) from lists of samples. Output plays in MSE and
 * is what recordings and live views are built from.
 */
import {
  box,
  concat,
  dinf,
  ftyp,
  hdlrVideo,
  mdhd,
  mfhd,
  mvex,
  mvhd,
  SAMPLE_FLAGS_KEY,
  SAMPLE_FLAGS_NON_KEY,
  stbl,
  tfdt,
  tfhd,
  tkhd,
  trun,
  visualSampleEntry,
  vmhd,
} from './boxes.ts';
import { toLengthPrefixed } from './annexb.ts';
import type { H264Config } from '../h26x/avcc.ts';
import type { H265Config } from '../h26x/hvcc.ts';

/** RTP video clock; samples use it unchanged so no rounding drift builds up. */
export const VIDEO_TIMESCALE = 90_000;
const TRACK_ID = 1;

/** What the init segment needs to describe the video track. */
export interface VideoTrack {
  /** Sample entry type: `avc1` for H.264; `hev1` (Chrome) or `hvc1` (Safari) for H.265. */
  readonly sampleEntry: 'avc1' | 'hev1' | 'hvc1';
  /** Decoder configuration record body: avcC for H.264, hvcC for H.265. */
  readonly decoderConfig: Uint8Array;
  /** RFC 6381 codec string for `MediaSource.isTypeSupported`, e.g. `avc1.640028`. */
  readonly codec: string;
  readonly width: number;
  readonly height: number;
}

/** One coded picture in a fragment. */
export interface Sample {
  /** NAL units, each prefixed by its 4-byte length (AVCC/HVCC format). */
  readonly data: Uint8Array;
  /** Duration in 90 kHz units (the distance to the next sample's timestamp). */
  readonly duration: number;
  readonly isKey: boolean;
}

/** MSE MIME type for a track, e.g. `video/mp4; codecs="avc1.640028"`. */
export function mimeType(track: VideoTrack): string {
  return `video/mp4; codecs="${track.codec}"`;
}

/** Init segment: ftyp + moov with one video track and mvex for fragments. */
export function initSegment(track: VideoTrack): Uint8Array {
  const configBox = box(track.sampleEntry === 'avc1' ? 'avcC' : 'hvcC', track.decoderConfig);
  const entry = visualSampleEntry(track.sampleEntry, track.width, track.height, configBox);
  const minf = box('minf', vmhd(), dinf(), stbl(entry));
  const mdia = box('mdia', mdhd(VIDEO_TIMESCALE), hdlrVideo(), minf);
  const trak = box('trak', tkhd(TRACK_ID, track.width, track.height), mdia);
  const moov = box('moov', mvhd(1000, TRACK_ID + 1), trak, mvex(TRACK_ID));
  const brand = track.sampleEntry === 'avc1' ? 'avc1' : track.sampleEntry;
  const head = ftyp(brand);
  const out = new Uint8Array(head.length + moov.length);
  out.set(head);
  out.set(moov, head.length);
  return out;
}

/**
 * Media segment (moof + mdat) for samples in decoding order. `sequence` starts at 1 and grows by
 * one per fragment; `baseDecodeTime` is the first sample's decode time in 90 kHz units.
 */
export function mediaSegment(sequence: number, baseDecodeTime: number, samples: readonly Sample[]): Uint8Array {
  return concat(mediaSegmentParts(sequence, baseDecodeTime, samples));
}

/**
 * The same media segment as a list of parts: the moof box and mdat header first, then each
 * sample's bytes as given (no copy), for vectored writes (`writev`).
 */
export function mediaSegmentParts(sequence: number, baseDecodeTime: number, samples: readonly Sample[]): Uint8Array[] {
  const entries = samples.map((s) => ({
    duration: s.duration,
    size: s.data.length,
    flags: s.isKey ? SAMPLE_FLAGS_KEY : SAMPLE_FLAGS_NON_KEY,
  }));
  const build = (offset: number): Uint8Array =>
    box('moof', mfhd(sequence), box('traf', tfhd(TRACK_ID), tfdt(baseDecodeTime), trun(offset, entries)));
  // the data offset counts from the moof start to the first sample byte: moof size + mdat header
  const moofSize = build(0).length;
  const moof = build(moofSize + 8);
  let dataSize = 0;
  for (const s of samples) dataSize += s.data.length;
  const head = new Uint8Array(moof.length + 8);
  head.set(moof);
  new DataView(head.buffer).setUint32(moof.length, dataSize + 8);
  head.set([0x6d, 0x64, 0x61, 0x74], moof.length + 4); // 'mdat'
  return [head, ...samples.map((s) => s.data)];
}

/** Converts an access unit's NAL units to sample data (4-byte length prefixes). */
export function sampleData(nalus: readonly Uint8Array[]): Uint8Array {
  return toLengthPrefixed(nalus);
}

/** Video track description for an H.264 configuration. */
export function h264VideoTrack(config: H264Config): VideoTrack {
  return { sampleEntry: 'avc1', decoderConfig: config.avcC, codec: config.codec, width: config.sps.width, height: config.sps.height };
}

/**
 * Video track description for an H.265 configuration. With `hvc1` the samples must not carry
 * VPS/SPS/PPS (see `withoutParameterSets`); `hev1` allows them in-band.
 */
export function h265VideoTrack(config: H265Config): VideoTrack {
  return { sampleEntry: config.sampleEntry, decoderConfig: config.hvcC, codec: config.codec, width: config.sps.width, height: config.sps.height };
}

/** Drops H.265 VPS/SPS/PPS NAL units (types 32–34), for `hvc1` samples. */
export function withoutH265ParameterSets(nalus: readonly Uint8Array[]): Uint8Array[] {
  return nalus.filter((n) => {
    const t = ((n[0] ?? 0) >> 1) & 0x3f;
    return t < 32 || t > 34;
  });
}

/** A picture on the unwrapped 90 kHz timeline, ready to become a sample. */
export interface TimedPicture {
  /** Unwrapped RTP timestamp (see `TimestampUnwrapper`). */
  readonly time: number;
  readonly nalus: readonly Uint8Array[];
  readonly isKey: boolean;
}

/**
 * Turns pictures in decoding order into samples. A sample lasts until the next picture's time, so
 * the last one needs `lastDuration` (a live muxer holds one picture back to learn it instead).
 * Non-increasing times (camera clock steps back) get a one-tick duration rather than a negative one.
 */
export function samplesFromPictures(pictures: readonly TimedPicture[], lastDuration: number): Sample[] {
  return pictures.map((p, i) => {
    const next = pictures[i + 1];
    const duration = next === undefined ? lastDuration : Math.max(1, next.time - p.time);
    return { data: sampleData(p.nalus), duration, isKey: p.isKey };
  });
}
