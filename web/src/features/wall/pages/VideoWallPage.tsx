import { useEffect, useMemo, useRef, useState } from 'react';
import { useIdle } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import type { WallGrid } from '@pantau/shared';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { useWallLayouts, useWallTours } from '../../../api/walls.ts';
import { useFullscreen } from '../../../lib/useFullscreen.ts';
import { useTour } from '../hooks/useTour.ts';
import { useWall } from '../hooks/useWall.ts';
import { useWallSaving } from '../hooks/useWallSaving.ts';
import { useWallShortcuts } from '../hooks/useWallShortcuts.ts';
import { VideoWallView } from '../views/VideoWallView.tsx';

const NO_FILTERS = {};

/** The video wall: saved layouts, tours, fullscreen and shortcuts; every camera on one live socket. */
export function VideoWallPage() {
  const navigate = useNavigate();
  const layouts = useWallLayouts();
  const tours = useWallTours();
  const markers = useCameraMarkers(NO_FILTERS);
  const wall = useWall(layouts.data);
  const tour = useTour(tours.data, layouts.data, wall.show);
  const saving = useWallSaving(wall);
  const wallEl = useRef<HTMLDivElement>(null);
  const fs = useFullscreen(wallEl);
  const idle = useIdle(2500, { initialState: false });
  const [focused, setFocused] = useState<number | null>(null);
  const [help, setHelp] = useState(false);
  const [tourModal, setTourModal] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const focusTookFullscreen = useRef(false);

  const cameras = useMemo(() => new Map((markers.data ?? []).map((m) => [m.id, m])), [markers.data]);
  const focusedId = focused !== null ? (wall.state.cells[focused] ?? null) : null;

  // Leaving fullscreen that a cell asked for also leaves that cell.
  useEffect(() => {
    if (!fs.active && focusTookFullscreen.current) {
      focusTookFullscreen.current = false;
      setFocused(null);
    }
  }, [fs.active]);

  const stepLayout = (delta: number) => {
    if (tour.playback) return delta > 0 ? tour.next() : tour.prev();
    const list = layouts.data ?? [];
    if (list.length === 0) return;
    const at = list.findIndex((l) => l.id === wall.state.layoutId);
    const from = at < 0 ? (delta > 0 ? -1 : 0) : at; // an unsaved wall steps to the first or last layout
    const next = list[(from + delta + list.length) % list.length];
    if (next) {
      setFocused(null);
      wall.open(next);
    }
  };
  const setGrid = (g: WallGrid) => {
    setFocused(null);
    wall.setGrid(g);
  };
  const unfocus = () => {
    setFocused(null);
    if (focusTookFullscreen.current) fs.exit();
  };
  const focusCell = (cell: number) => {
    setFocused(cell);
    if (!fs.active) {
      focusTookFullscreen.current = true;
      fs.enter();
    }
  };

  useWallShortcuts({
    grid: setGrid,
    fullscreen: fs.toggle,
    pause: () => {
      if (!tour.playback) return false;
      tour.togglePause();
      return true;
    },
    next: () => stepLayout(1),
    prev: () => stepLayout(-1),
    help: () => setHelp((h) => !h),
    escape: () => {
      unfocus();
      setHelp(false);
    },
  });

  return (
    <VideoWallView
      wallRef={wallEl}
      wall={wall}
      tour={tour}
      saving={saving}
      layouts={layouts}
      tours={tours.data ?? []}
      markers={markers}
      cameras={cameras}
      fullscreen={{ active: fs.active, toggle: fs.toggle, idle: fs.active && idle }}
      focus={{ cell: focusedId ? focused : null, cameraId: focusedId, open: focusCell, close: unfocus }}
      help={{ opened: help, set: setHelp }}
      tourModal={{ opened: tourModal, set: setTourModal }}
      confirmDelete={{ opened: confirmDelete, set: setConfirmDelete }}
      onGrid={setGrid}
      onOpenDetail={(id) => void navigate(`/cameras/${id}`)}
    />
  );
}
