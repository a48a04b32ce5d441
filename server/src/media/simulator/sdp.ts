/**
 * The SDP a simulated camera answers DESCRIBE with: one H.264 video track, packetization-mode=1,
 * profile-level-id and sprop-parameter-sets from the fixture (RFC 6184 §8.1). Pure.
 */

/** What the SDP needs to know about a stream. */
export interface SdpMedia {
  readonly sps: Uint8Array;
  readonly pps: Uint8Array;
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  readonly bitrateKbps: number;
}

/** Inputs of {@link buildSdp}. */
export interface SdpInput {
  readonly media: SdpMedia;
  /** Absolute control URL of the track (also echoed in RTP-Info). */
  readonly trackUrl: string;
  readonly sessionName: string;
  /** Leave sprop-parameter-sets out (cameras that send SPS/PPS only in-band). */
  readonly withParameterSets: boolean;
  /** Session id for the `o=` line. */
  readonly sessionId: number;
}

const hex = (b: number | undefined): string => (b ?? 0).toString(16).padStart(2, '0');
const b64 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

/** `profile-level-id`: profile_idc, constraint flags and level_idc of the SPS, in hex. */
export function profileLevelId(sps: Uint8Array): string {
  return `${hex(sps[1])}${hex(sps[2])}${hex(sps[3])}`;
}

/** Builds the SDP body (CRLF line endings). */
export function buildSdp(input: SdpInput): string {
  const { media } = input;
  const fmtp = ['packetization-mode=1', `profile-level-id=${profileLevelId(media.sps)}`];
  if (input.withParameterSets) fmtp.push(`sprop-parameter-sets=${b64(media.sps)},${b64(media.pps)}`);
  const lines = [
    'v=0',
    `o=- ${input.sessionId >>> 0} 1 IN IP4 0.0.0.0`,
    `s=${input.sessionName.replace(/[\r\n]/g, ' ')}`,
    'c=IN IP4 0.0.0.0',
    't=0 0',
    'a=tool:Pantau camera simulator',
    'a=range:npt=0-',
    'a=control:*',
    'm=video 0 RTP/AVP 96',
    `b=AS:${Math.max(1, Math.round(media.bitrateKbps))}`,
    'a=rtpmap:96 H264/90000',
    `a=fmtp:96 ${fmtp.join(';')}`,
    `a=framerate:${Number(media.fps.toFixed(3))}`,
    `a=x-dimensions:${media.width},${media.height}`,
    `a=control:${input.trackUrl}`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}
