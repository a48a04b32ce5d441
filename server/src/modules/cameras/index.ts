export { CamerasService } from './cameras.service.ts';
export { CameraTransferService } from './cameras.transfer.ts';
export { camerasRoutes } from './cameras.routes.ts';
export { camerasPolicy, camerasScopes, CAMERA_VISIBILITY } from './cameras.policy.ts';
export { splitUrlCredentials } from './cameras.credentials.ts';
export { parseCameraCsv, decodeUtf8 } from './cameras.csv.ts';
export { CameraMediaService, type CameraStreamSource, type CameraHealth } from './cameras.media.ts';
export { cameraScopeOf } from './cameras.policy.ts';
