import { usePageShortcuts } from '../../../lib/keyboard.ts';

export interface PlaybackShortcutHandlers {
  toggle: () => void;
  step: (dir: 1 | -1) => void;
  zoom: (dir: 1 | -1) => void;
  markIn: () => void;
  markOut: () => void;
  bookmark: () => void;
  clearMarks: () => void;
}

/**
 * Playback keyboard: space play/pause, ←/→ a frame (paused) or 10 s (playing), +/- zoom the
 * timeline, I/O in and out points, B bookmark, Escape clears the in/out range.
 */
export function usePlaybackShortcuts(handlers: PlaybackShortcutHandlers): void {
  usePageShortcuts(handlers, (e, h) => {
    const k = e.key.toLowerCase();
    // Space on a focused button would also click it: let the shortcut win, once.
    if (k === ' ') h.toggle();
    else if (k === 'arrowright') h.step(1);
    else if (k === 'arrowleft') h.step(-1);
    else if (k === '+' || k === '=') h.zoom(-1);
    else if (k === '-' || k === '_') h.zoom(1);
    else if (k === 'i') h.markIn();
    else if (k === 'o') h.markOut();
    else if (k === 'b') h.bookmark();
    else if (k === 'escape') h.clearMarks();
    else return;
    e.preventDefault();
  });
}
