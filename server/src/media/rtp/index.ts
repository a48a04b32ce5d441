/** RTP packets, reordering and timestamp unwrapping. */
export { parseRtp, serializeRtp, type RtpPacket, type RtpPacketInit, type RtpParseError, type RtpParseResult } from './packet.ts';
export { ReorderBuffer, seqDistance, TimestampUnwrapper, type ReorderOptions, type ReorderStats } from './reorder.ts';
