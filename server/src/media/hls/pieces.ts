/** The packager's pieces: parts, segments and blocked requests. */
import type { PlaylistSegment } from './playlist.ts';

/** A partial segment: fragments gathered while open, one buffer once closed. */
export interface Part {
  chunks: Uint8Array[];
  bytes: Uint8Array | null;
  size: number;
  duration: number;
  independent: boolean;
}

/** A segment of the window; complete segments hold one buffer their parts are views of. */
export interface Segment extends Omit<PlaylistSegment, 'parts'> {
  parts: Part[];
  open: Part | null;
  bytes: Uint8Array | null;
  size: number;
}

/** A blocked playlist or part request. */
export interface Waiter {
  msn: number;
  part: number | null;
  resolve: () => void;
}

/** `waiting`: no segment yet; `live`: pictures arrive; `offline`: the camera's run ended. */
export type PackagerState = 'waiting' | 'live' | 'offline';

/** One buffer of the chunks (the chunk itself when there is one). */
export function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

