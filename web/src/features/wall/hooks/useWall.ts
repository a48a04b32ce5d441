import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { WallGrid, WallLayout } from '@pantau/shared';
import { initialWall, wallReducer } from './wallModel.ts';

const LAST_KEY = 'pantau.wall.layout';

function remember(id: string | null): void {
  try {
    if (id) localStorage.setItem(LAST_KEY, id);
    else localStorage.removeItem(LAST_KEY);
  } catch {
    // storage unavailable: the wall simply opens empty next time
  }
}

function remembered(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

/**
 * The wall being edited. The open layout lives in the URL (`?layout=<id>`), so a reload or a shared
 * link shows the same wall; without one, the last layout this browser opened comes back.
 */
export function useWall(layouts: WallLayout[] | undefined) {
  const [state, dispatch] = useReducer(wallReducer, undefined, initialWall);
  const [params, setParams] = useSearchParams();
  const param = params.get('layout');
  const applied = useRef<string | null>(null);

  const setParam = useCallback(
    (id: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set('layout', id);
          else next.delete('layout');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // Apply the URL's layout once the list is there; later list refreshes must not undo edits.
  useEffect(() => {
    if (!layouts) return;
    const wanted = param ?? (applied.current === null ? remembered() : null);
    if (!wanted || applied.current === wanted) return;
    applied.current = wanted;
    const layout = layouts.find((l) => l.id === wanted);
    if (layout) {
      dispatch({ type: 'load', layout });
      if (!param) setParam(layout.id);
    } else {
      remember(null);
      if (param) setParam(null);
    }
  }, [layouts, param, setParam]);

  const open = useCallback(
    (layout: WallLayout) => {
      applied.current = layout.id;
      remember(layout.id);
      dispatch({ type: 'load', layout });
      setParam(layout.id);
    },
    [setParam],
  );

  return {
    state,
    open,
    /** Shows a layout without making it the URL's (a tour step). */
    show: useCallback((layout: WallLayout) => dispatch({ type: 'load', layout }), []),
    saved: useCallback(
      (layout: WallLayout) => {
        applied.current = layout.id;
        remember(layout.id);
        dispatch({ type: 'saved', layout });
        setParam(layout.id);
      },
      [setParam],
    ),
    forget: useCallback(() => {
      applied.current = '';
      remember(null);
      dispatch({ type: 'forget' });
      setParam(null);
    }, [setParam]),
    reset: useCallback(() => {
      applied.current = '';
      remember(null);
      dispatch({ type: 'new' });
      setParam(null);
    }, [setParam]),
    setGrid: useCallback((grid: WallGrid) => dispatch({ type: 'grid', grid }), []),
    assign: useCallback((cell: number, cameraId: string) => dispatch({ type: 'assign', cell, cameraId }), []),
    clear: useCallback((cell: number) => dispatch({ type: 'clear', cell }), []),
    move: useCallback((from: number, to: number) => dispatch({ type: 'move', from, to }), []),
    select: useCallback((cell: number) => dispatch({ type: 'select', cell }), []),
  };
}

export type Wall = ReturnType<typeof useWall>;
