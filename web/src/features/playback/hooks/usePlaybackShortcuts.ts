import { useEffect, useRef } from 'react';

export interface PlaybackShortcutHandlers {
  toggle: () => void;
  step: (dir: 1 | -1) => void;
  zoom: (dir: 1 | -1) => void;
  markIn: () => void;
  markOut: () => void;
  bookmark: () => void;
  clearMarks: () => void;
}

/** Keys typed into a field, in a dialog or menu, or pressed with a modifier belong to them. */
function ignored(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return true;
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('[role="listbox"],[role="menu"],[role="dialog"]') !== null;
}

/**
 * Playback keyboard: space play/pause, ←/→ a frame (paused) or 10 s (playing), +/- zoom the
 * timeline, I/O in and out points, B bookmark, Escape clears the in/out range.
 */
export function usePlaybackShortcuts(handlers: PlaybackShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      const h = ref.current;
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
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
