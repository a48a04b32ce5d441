/**
 * The media pipeline's only door: the rest of Pantau attaches cameras, subscribes to live video and
 * listens to camera status through these exports. Nothing in media/ imports modules/*.
 */
export { MediaPipeline, withCredentials, type MediaPipelineOptions, type RecorderPort, type SubscribeResult } from './pipeline.ts';
export type { LiveViewer, LiveHubLimits } from './live/live-hub.ts';
export type { CameraSource, CameraStatusEvent, CameraConnectionStatus, StreamKind, PictureSink, TimedPicture, RunStart } from './types.ts';
export { Recorder, type RecorderOptions } from './recorder/index.ts';
export type { RunInfo } from './recorder/index.ts';
export { Playback, VirtualMp4, spanFps, type RecordedSpan, type Plan, type PlannedSpan, type PlannedGap, type SourceCheck } from './playback/index.ts';
export { HlsPackagers, HlsPackager, parseHlsFile, hlsFiles, type HlsPackagersOptions, type HlsPackagerOptions, type PackagerState } from './hls/index.ts';
