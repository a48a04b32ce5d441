/** H.264/H.265 RTP depacketizers, parameter-set parsing and decoder configuration records. */
export type { AccessUnit, DepacketizeErrorCode, DepacketizerEvent, DepacketizerLimits, RtpPayloadPacket } from './access-unit.ts';
export type { Depacketizer } from './depacketizer.ts';
export { createH264Depacketizer, h264NalType, H264Nal, type H264InitialParameters } from './h264.ts';
export { createH265Depacketizer, h265NalType, H265Nal, type H265InitialParameters } from './h265.ts';
export { parseH264Sps, type H264Sps, type H264SpsError, type H264SpsResult } from './h264-sps.ts';
export { buildH264Config, type H264Config, type H264ConfigError } from './avcc.ts';
export { buildH265Config, h265CodecString, parseH265Sps, type H265Config, type H265Sps, type H265SpsError } from './hvcc.ts';
export { BitReader, removeEmulationPrevention } from './bitreader.ts';
