import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../components/timeline/time.ts';
import { recKeys } from '../api/recordings.ts';
import type { MasterClock } from './masterClock.ts';
import { itemAt, liveEdge, needsRefresh, nextStart } from './playbackModel.ts';
import type { CameraPlayback } from './usePlaybackItems.ts';

/** At most one refresh of the items this often while playing towards the live edge… */
const EDGE_REFRESH_MS = 10_000;
/** …and this often while waiting at it. */
const EDGE_WAIT_REFRESH_MS = 2000;

/**
 * Keeps playback going where the files end: skips gaps where no grid camera has video (and says
 * so), asks for newer items near the live edge, waits there for the recorder, and stops (and
 * says so) at the end of a recording that is over.
 */
export function useContinuity(
  clock: MasterClock,
  t: number,
  playing: boolean,
  cameraIds: readonly string[],
  playback: Map<string, CameraPlayback>,
  win: { from: string; to: string },
  seek: (at: number) => void,
): void {
  const { t: tr } = useTranslation();
  const qc = useQueryClient();
  const lastRefresh = useRef(0);

  // Carry playback over a stretch where no camera in the grid has video; at the end of what is
  // recorded so far, wait there for the recorder (it indexes every few seconds) instead of stopping.
  useEffect(() => {
    if (!playing || cameraIds.length === 0) {
      clock.hold(false);
      return;
    }
    const all = cameraIds.map((id) => playback.get(id));
    if (all.some((p) => !p?.current)) return; // wait for this window's answer
    const now = clock.now();
    const refresh = (ids: readonly string[], every: number) => {
      if (ids.length === 0 || Date.now() - lastRefresh.current < every) return;
      lastRefresh.current = Date.now();
      for (const id of ids) void qc.invalidateQueries({ queryKey: recKeys.playback(id, win.from, win.to) });
    };
    // Playing towards the live edge: ask for what the recorder has written since.
    refresh(
      cameraIds.filter((id, i) => needsRefresh(all[i]!.items, now, Date.now())),
      EDGE_REFRESH_MS,
    );
    const edge = liveEdge(all.flatMap((p) => p!.items), now, Date.now());
    if (edge !== null) {
      if (!clock.held) {
        if (now > edge) clock.seek(edge);
        clock.hold(true);
        notifications.show({ id: 'playback-edge', color: 'gray', loading: true, autoClose: false, message: tr('playback.waitingForRecording') });
      }
      refresh(cameraIds, EDGE_WAIT_REFRESH_MS);
      return;
    }
    if (clock.held) {
      clock.hold(false);
      notifications.hide('playback-edge');
    }
    if (all.some((p) => itemAt(p!.items, now))) return;
    const next = all.reduce<number | null>((best, p) => {
      const n = nextStart(p!.items, now);
      return n !== null && (best === null || n < best) ? n : best;
    }, null);
    if (next !== null) {
      seek(next);
      notifications.show({ id: 'playback-gap', color: 'yellow', message: tr('playback.gapSkipped', { from: formatTime(now), to: formatTime(next) }) });
    } else {
      clock.pause();
      notifications.show({ id: 'playback-end', color: 'gray', message: tr('playback.endReached') });
    }
  }, [t, playing, cameraIds, playback, clock, seek, tr, qc, win]);

  // Leaving the page (or pausing) ends any wait at the live edge.
  useEffect(
    () => () => {
      notifications.hide('playback-edge');
    },
    [],
  );
  useEffect(() => {
    if (!playing) notifications.hide('playback-edge');
  }, [playing]);
}
