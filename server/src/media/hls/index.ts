/** Live HLS (LL-HLS, fMP4) for the public portal and Smart Displays, packaged from the live hub. */
export { HlsPackager, type HlsPackagerOptions, type PackagerState } from './packager.ts';
export { HlsPackagers, type HlsPackagersOptions, type HlsSource } from './registry.ts';
export { buildPlaylist, hlsFiles, parseHlsFile, type PlaylistInput, type PlaylistPart, type PlaylistSegment } from './playlist.ts';
export { fragmentTiming, type FragmentTiming } from './fragment-timing.ts';
