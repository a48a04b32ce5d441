import { useEffect, useMemo, useState } from 'react';
import type { KioskState } from '@pantau/shared';
import { activeOverride, advance, nextCheck, type Cursor } from './schedule.ts';
import { SceneView } from './SceneView.tsx';
import { Clock } from './Clock.tsx';
import { S } from './strings.ts';

/**
 * Runs a display's state: a push while it is in force, otherwise the playlist by its schedule,
 * otherwise a calm idle screen with the clock. Time is the server's (`skew`), so `until` and the
 * schedule windows agree with the console even when the lobby PC's clock drifts.
 */
export function Player(props: { state: KioskState; skew: number; online: boolean }) {
  const { state, skew } = props;
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [tick, setTick] = useState(0);
  const now = Date.now() + skew;
  const override = activeOverride(state, now);

  // a changed playlist starts from its first eligible entry; the same one re-sent (heartbeat) keeps running
  const playlistKey = useMemo(() => JSON.stringify(state.playlist), [state.playlist]);
  useEffect(() => setCursor(null), [playlistKey]);

  useEffect(() => {
    const t = Date.now() + skew;
    const next = advance(state.playlist, t, state.timeZone, cursor);
    if (next !== cursor) {
      setCursor(next);
      return;
    }
    // wake for the entry's end, the next minute, or the end of a push
    let at = nextCheck(state.playlist, next, t);
    const until = state.override?.until ? Date.parse(state.override.until) : null;
    if (until !== null && until > t) at = Math.min(at, until);
    const id = setTimeout(() => setTick((x) => x + 1), Math.max(50, at - t));
    return () => clearTimeout(id);
  }, [state, cursor, tick, skew]);

  const scene = override ?? (cursor?.index != null ? state.playlist[cursor.index]?.scene : null);
  return (
    <>
      {scene ? (
        <SceneView key={scene.id} scene={scene} timeZone={state.timeZone} skew={skew} />
      ) : (
        <main className="kiosk kiosk-idle" data-scene-id="idle" aria-label={state.display.name}>
          <Clock timeZone={state.timeZone} skew={skew} />
          <p className="kiosk-idle-name">{state.display.name}</p>
        </main>
      )}
      {!props.online && <div className="kiosk-offline" role="status">{S.offline}</div>}
    </>
  );
}
