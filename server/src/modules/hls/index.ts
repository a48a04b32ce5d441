/** Live HLS routes for the portal and Smart Displays (media from media/hls). */
export { hlsRoutes, HLS_PER_MINUTE } from './hls.routes.ts';
export { HlsService, type HlsMedia } from './hls.service.ts';
export { cachedAccess, publicCameraAccess, type HlsAccess, type HlsAccessResult, type HlsRequestLike } from './hls.access.ts';
