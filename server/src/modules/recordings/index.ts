export { PlaybackService } from './playback.service.ts';
export { EvidenceService } from './evidence.service.ts';
export { ExportsService } from './exports.service.ts';
export { StorageService } from './storage.service.ts';
export { ExportSigner, keyFingerprint } from './signing.ts';
export { recordingsRoutes, type RecordingsServices } from './recordings.routes.ts';
export { recordingsPolicy, recordingsScopes } from './recordings.policy.ts';
export { verifyExport, type VerifyResult } from './manifest.ts';
export { directoryReader, zipReader } from './export-reader.ts';
