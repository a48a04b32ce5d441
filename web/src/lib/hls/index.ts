/**
 * Live HLS in the browser for the portal and the kiosk: a small LL-HLS client over MSE (Safari
 * plays natively). Deliberately not hls.js: the portal's whole JS budget is 200 KB gzipped.
 */
export { playHls, type HlsState } from './player.ts';
export { HlsVideo } from './HlsVideo.tsx';
