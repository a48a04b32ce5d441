/** Fragmented MP4 muxing and Annex B conversion. */
export {
  h264VideoTrack,
  h265VideoTrack,
  initSegment,
  mediaSegment,
  mediaSegmentParts,
  mimeType,
  sampleData,
  samplesFromPictures,
  VIDEO_TIMESCALE,
  withoutH265ParameterSets,
  type Sample,
  type TimedPicture,
  type VideoTrack,
} from './fmp4.ts';
export { annexBToLengthPrefixed, splitAnnexB, splitLengthPrefixed, toAnnexB, toLengthPrefixed, type LengthPrefixedError } from './annexb.ts';
