import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PlaybackItem } from '@pantau/shared';
import type { MasterClock } from './masterClock.ts';
import { driftTolerance, fileOffset, itemAt, nudgedRate } from './playbackModel.ts';

/** none: no recording at the clock's instant; loading: fetching or seeking; error: the file failed. */
export type TileState = 'loading' | 'ready' | 'none' | 'error';

/** How often a tile compares itself with the clock. */
const SYNC_MS = 150;
/** Within this of the file's end the tile holds its last frame instead of playing (an ended video would restart). */
const END_SLACK_S = 0.15;
/** A grown live item replaces the loaded file this long before the loaded file ends. */
const REGROW_MARGIN_MS = 1500;

/**
 * Keeps one <video> on the master clock: loads the item that covers the clock's instant, seeks it
 * there, follows play/pause/speed, re-seeks when it drifts, and holds the clock while it loads.
 */
export function usePlaybackTile(
  video: RefObject<HTMLVideoElement | null>,
  clock: MasterClock,
  tileId: string,
  items: readonly PlaybackItem[],
): { state: TileState; item: PlaybackItem | null } {
  const [shown, setShown] = useState<{ state: TileState; item: PlaybackItem | null }>({ state: 'loading', item: null });
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  useEffect(() => {
    let loaded: PlaybackItem | null = null;
    let last: { state: TileState; item: PlaybackItem | null } = { state: 'loading', item: null };
    const report = (state: TileState, item: PlaybackItem | null) => {
      if (state === last.state && item === last.item) return;
      last = { state, item };
      setShown(last);
    };

    const sync = () => {
      const v = video.current;
      if (!v) return;
      const t = clock.now();
      const item = itemAt(itemsRef.current, t);
      if (!item) {
        if (!v.paused) v.pause();
        clock.stall(tileId, false);
        report('none', null);
        return;
      }
      // The item at the live edge grows (its URL names its end): keep playing the file already
      // loaded until near its end, instead of reloading it every time the recorder adds a segment.
      const grown = loaded !== null && loaded.start === item.start && loaded.keyframeStart === item.keyframeStart && t < Date.parse(loaded.end) - REGROW_MARGIN_MS;
      if (!grown && (!loaded || loaded.url !== item.url)) {
        loaded = item;
        v.src = item.url;
        clock.stall(tileId, true);
        report('loading', item);
        return;
      }
      const current = loaded!;
      if (v.error) {
        clock.stall(tileId, false);
        report('error', current);
        return;
      }
      if (v.readyState < HTMLMediaElement.HAVE_METADATA) return;
      const expected = fileOffset(current, t);
      // The last frame of a file: nothing more to load or play until the clock reaches the next item.
      const atEnd = Number.isFinite(v.duration) && expected >= v.duration - END_SLACK_S;
      if (atEnd) {
        if (!v.paused) v.pause();
        clock.stall(tileId, false);
        report('ready', current);
        return;
      }
      const drift = v.currentTime - expected;
      // Exposed for tests and diagnostics: how far (ms) this tile is from the master clock.
      v.dataset.driftMs = String(Math.round(drift * 1000));
      // While the clock is held (a tile loading, the live edge) the video waits with it.
      const moving = clock.advancing;
      if (!v.seeking && Math.abs(drift) > driftTolerance(moving, clock.rate)) v.currentTime = expected;
      const rate = moving && !v.seeking ? nudgedRate(clock.rate, drift) : clock.rate;
      if (Math.abs(v.playbackRate - rate) > 0.001) v.playbackRate = rate;
      if (moving && v.paused && !v.seeking) void v.play().catch(() => undefined);
      if (!moving && !v.paused) v.pause();
      const need = clock.playing ? HTMLMediaElement.HAVE_FUTURE_DATA : HTMLMediaElement.HAVE_CURRENT_DATA;
      const waiting = v.seeking || v.readyState < need;
      clock.stall(tileId, waiting);
      report(waiting ? 'loading' : 'ready', current);
    };

    const timer = window.setInterval(sync, SYNC_MS);
    const v = video.current;
    // React at once to the events that matter instead of waiting for the next tick.
    const events = ['loadedmetadata', 'seeked', 'canplay', 'error'] as const;
    for (const e of events) v?.addEventListener(e, sync);
    const unsubscribe = clock.subscribe(sync);
    sync();
    return () => {
      window.clearInterval(timer);
      for (const e of events) v?.removeEventListener(e, sync);
      unsubscribe();
      clock.stall(tileId, false);
      if (v) {
        v.pause();
        v.removeAttribute('src');
        v.load();
      }
    };
  }, [video, clock, tileId]);

  return shown;
}
