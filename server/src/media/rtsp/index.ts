/** RTSP client: wire format, requests, auth, SDP, the session state machine and its socket adapter. */
export { getHeader, getHeaders, RtspStreamParser, type InterleavedFrame, type RtspHeaders, type RtspParseError, type RtspParseErrorCode, type RtspParserLimits, type RtspResponse, type RtspServerRequest, type RtspStreamEvent } from './message.ts';
export { buildRequest, describeRequest, getParameterRequest, optionsRequest, parseRtspUrl, playRequest, setupRequest, teardownRequest, transportHeader, type RequestBase, type RequestInit, type RtspUrl, type RtspUrlError, type TransportRequest } from './request.ts';
export { parsePublicHeader, parseSessionHeader, parseTransportHeader, type SessionHeader, type TransportHeader } from './headers.ts';
export { authorizationHeader, chooseChallenge, parseWwwAuthenticate, type AuthChallenge, type AuthorizationInput, type DigestAlgorithm } from './auth.ts';
export { h264Fmtp, h265Fmtp, parseFmtp, parseSdp, resolveControl, type H264Fmtp, type H265Fmtp, type MediaDescription, type SdpError, type SessionDescription } from './sdp.ts';
export { backoffDelay, initialSession, step, type Step } from './session.ts';
export type { PlayingTrack, SessionCommand, SessionConfig, SessionEvent, SessionFailure, SessionPhase, SessionState } from './session-types.ts';
export { RtspClient, type RtspClientOptions } from './client.ts';
