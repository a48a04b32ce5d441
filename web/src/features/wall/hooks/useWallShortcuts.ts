import { usePageShortcuts } from '../../../lib/keyboard.ts';
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

/** Wall keyboard: 1–6 grid size, F fullscreen, space pause tour, ←/→ previous/next layout, ? help. */
export function useWallShortcuts(handlers: WallShortcutHandlers): void {
  usePageShortcuts(handlers, (e, h) => {
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
  });
}
