/**
 * Contracts between the parts of the media pipeline: ingest (RTSP client → access units),
 * recorder, live fan-out and the door (`index.ts`) that the rest of Pantau uses.
 */
import type { VideoTrack } from './mp4/index.ts';

/** Main stream for recording and fullscreen; sub stream for grids. */
export type StreamKind = 'main' | 'sub';

/** What media needs to pull one camera. Credentials arrive decrypted and stay in memory. */
export interface CameraSource {
  cameraId: string;
  mainUrl: string;
  subUrl: string | null;
  username: string | null;
  password: string | null;
  transport?: 'tcp' | 'udp';
  /** Record the main stream continuously. */
  record: boolean;
}

/**
 * One coded picture on the pipeline's timeline: timestamps are unwrapped 90 kHz RTP time
 * (monotonic within a run); `data` is length-prefixed (AVCC/HVCC) sample data ready for MP4.
 */
export interface TimedPicture {
  /** Unwrapped RTP timestamp, 90 kHz. */
  pts: number;
  isKey: boolean;
  data: Uint8Array;
  /** Recorder's wall clock (ms since epoch) when the picture was complete. */
  receivedAtMs: number;
}

/**
 * A run is one unbroken connection of a stream: it starts when the camera starts playing and ends
 * on disconnect or stall. Gaps between runs are explicit, never inferred.
 */
export interface RunStart {
  cameraId: string;
  stream: StreamKind;
  track: VideoTrack;
  /** Recorder's wall clock at the first picture of the run (ms since epoch). */
  startedAtMs: number;
  /** pts of the first picture of the run. */
  firstPts: number;
}

/** Where a stream's pictures go: the recorder and the live hub both implement it. */
export interface PictureSink {
  /** A new run begins (first connect, reconnect, or codec parameters changed). */
  startRun(run: RunStart): void;
  push(picture: TimedPicture): void;
  /** The run ended (disconnect, stall, detach). */
  endRun(reason: string): void;
}

export type CameraConnectionStatus = 'online' | 'offline' | 'error';

/** Published whenever a camera's health changes and every few seconds while it plays. */
export interface CameraStatusEvent {
  cameraId: string;
  status: CameraConnectionStatus;
  /** Why the camera is offline or in error (e.g. `unauthorized`, `connect-failed`, `no-media`, `unsupported-codec`). */
  reason: string | null;
  fps: number | null;
  bitrateKbps: number | null;
  lastFrameAt: Date | null;
  codec: string | null;
  width: number | null;
  height: number | null;
}
