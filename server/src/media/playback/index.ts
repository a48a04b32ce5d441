export { Playback, VirtualMp4, spanFps, type RecordedSpan, type Plan, type PlannedSpan, type PlannedGap, type DataPiece, type SourceCheck } from './playback.ts';
export { progressiveMp4, findBox, type ProgressiveSample, type ProgressiveLayout } from './progressive.ts';
