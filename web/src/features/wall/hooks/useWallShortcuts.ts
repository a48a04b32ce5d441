import { useEffect, useRef } from 'react';
import { isWallGrid } from './wallModel.ts';
import type { WallGrid } from '@pantau/shared';

export interface WallShortcutHandlers {
  grid: (n: WallGrid) => void;
  fullscreen: () => void;
  /** Space: pause or resume the tour; returns false when there is no tour (the key then does its usual job). */
  pause: () => boolean;
  next: () => void;
  prev: () => void;
  help: () => void;
  escape: () => void;
}

/** Keys typed into a field, or pressed with a modifier, belong to the field or the browser. */
function ignored(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return true;
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('[role="listbox"],[role="menu"],[role="dialog"]') !== null;
}

/** Wall keyboard: 1–6 grid size, F fullscreen, space pause tour, ←/→ previous/next layout, ? help. */
export function useWallShortcuts(handlers: WallShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      const h = ref.current;
      const n = Number(e.key);
      if (isWallGrid(n)) h.grid(n);
      else if (e.key === 'f' || e.key === 'F') h.fullscreen();
      else if (e.key === ' ') {
        if (!h.pause()) return;
      } else if (e.key === 'ArrowRight') h.next();
      else if (e.key === 'ArrowLeft') h.prev();
      else if (e.key === '?') h.help();
      else if (e.key === 'Escape') h.escape();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
