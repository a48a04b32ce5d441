/** Continuous recording: ~60 s fMP4 segment files per stream, indexed in PostgreSQL. */
export { Recorder, type RecorderOptions, type StreamStats } from './recorder.ts';
export type { RetentionPolicy, BudgetResult } from './budget.ts';
export type { RecordingInfo, RunInfo, StorageTotals } from './queries.ts';
export type { RecoverOptions, RecoveryReport } from './recover.ts';
export type { RecorderLog } from './segmenter.ts';
export { decodeSampleIndex, type DecodedIndex, type IndexedFragment, type IndexedFrame } from './sample-index.ts';
