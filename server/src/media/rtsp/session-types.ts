/**
 * Types of the RTSP client state machine (`session.ts`): configuration, state, the events the
 * socket adapter feeds in and the commands it carries out.
 */
import type { AuthChallenge } from './auth.ts';
import type { SessionHeader, TransportHeader } from './headers.ts';
import type { RtspResponse, RtspServerRequest } from './message.ts';
import type { MediaDescription, SessionDescription } from './sdp.ts';

/** Static settings of one camera stream. */
export interface SessionConfig {
  /** Camera URL; may hold `user:password@`. */
  readonly url: string;
  readonly transport: 'tcp' | 'udp';
  readonly userAgent?: string;
  /** No media for this long means the stream is dead (default 20 s). */
  readonly deadAfterMs?: number;
  /** A request without an answer for this long fails the attempt (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** Waits before reconnecting after 1, 2, 3, ... failures; the last repeats. */
  readonly backoffMs?: readonly number[];
}

/** Why an attempt failed; shown as camera status. */
export type SessionFailure =
  | 'invalid-url'
  | 'connect-failed'
  | 'closed'
  | 'timeout'
  | 'unauthorized'
  | 'auth-unsupported'
  | 'bad-status'
  | 'bad-sdp'
  | 'unsupported-codec'
  | 'bad-transport'
  | 'protocol-error'
  | 'no-media';

/** The video track chosen from SDP and how its packets arrive. */
export interface PlayingTrack {
  readonly media: MediaDescription;
  readonly codec: 'H264' | 'H265';
  readonly transport: TransportHeader;
}

/** What the session is doing. */
export type SessionPhase = 'idle' | 'connecting' | 'options' | 'describe' | 'setup' | 'play' | 'playing' | 'backoff' | 'stopped';

/** A request waiting for its response, kept so it can be resent with credentials. */
export interface PendingRequest {
  readonly method: string;
  readonly url: string;
  readonly cseq: number;
  readonly sentAt: number;
}

/** Full state; a plain value, replaced on every step. */
export interface SessionState {
  readonly phase: SessionPhase;
  /** Consecutive failed attempts (reset once media flows). */
  readonly failures: number;
  readonly lastFailure: SessionFailure | null;
  readonly cseq: number;
  readonly pending: PendingRequest | null;
  readonly auth: { readonly challenge: AuthChallenge; readonly nonceCount: number; readonly rejected: boolean } | null;
  readonly cnonce: string;
  readonly udpPort: number | null;
  readonly publicMethods: readonly string[] | null;
  readonly sdp: SessionDescription | null;
  readonly video: { readonly media: MediaDescription; readonly codec: 'H264' | 'H265' } | null;
  readonly track: PlayingTrack | null;
  readonly session: SessionHeader | null;
  readonly lastMediaAt: number;
  readonly mediaFlowing: boolean;
  readonly nextKeepaliveAt: number;
  /** When the current backoff ends. */
  readonly retryAt: number;
}

/** Inputs, each stamped with the adapter's clock (ms). */
export type SessionEvent =
  | { readonly type: 'start'; readonly now: number }
  | { readonly type: 'stop'; readonly now: number }
  /** TCP connected; `udpPort` is the even local port bound for RTP when transport is UDP. */
  | { readonly type: 'connected'; readonly now: number; readonly cnonce: string; readonly udpPort?: number }
  | { readonly type: 'connect-failed'; readonly now: number }
  | { readonly type: 'closed'; readonly now: number }
  | { readonly type: 'protocol-error'; readonly now: number }
  | { readonly type: 'response'; readonly now: number; readonly response: RtspResponse }
  | { readonly type: 'server-request'; readonly now: number; readonly request: RtspServerRequest }
  /** Any RTP packet of the video track arrived. */
  | { readonly type: 'media'; readonly now: number }
  | { readonly type: 'tick'; readonly now: number };

/** Outputs for the socket adapter. */
export type SessionCommand =
  | { readonly type: 'connect'; readonly host: string; readonly port: number; readonly udp: boolean }
  | { readonly type: 'send'; readonly bytes: Uint8Array }
  | { readonly type: 'close' }
  | { readonly type: 'playing'; readonly track: PlayingTrack; readonly sdp: SessionDescription }
  | { readonly type: 'failed'; readonly reason: SessionFailure; readonly retryInMs: number };
