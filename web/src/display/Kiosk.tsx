import { useCallback, useEffect, useState } from 'react';
import type { KioskState } from '@pantau/shared';
import { backoff, cacheState, cachedState, fetchState, isPaired, markPaired, openKioskSocket } from './api.ts';
import { PairingScreen } from './PairingScreen.tsx';
import { Player } from './Player.tsx';
import { Clock } from './Clock.tsx';
import { S } from './strings.ts';

type Mode = { kind: 'boot' } | { kind: 'pairing' } | { kind: 'running' };

/**
 * The kiosk's life: no cookie → pairing; paired → state over HTTP, then the WebSocket. While the
 * server is away the last good state (localStorage) keeps playing; only a confirmed 401 (revoked)
 * goes back to pairing. Nothing here ever renders an error or a login prompt.
 */
export function Kiosk() {
  const [mode, setMode] = useState<Mode>(() => (isPaired() ? { kind: 'boot' } : { kind: 'pairing' }));
  const [state, setState] = useState<KioskState | null>(() => cachedState());
  const [skew, setSkew] = useState(0);
  const [online, setOnline] = useState(true);
  // bumped to start a fresh connect cycle (after pairing, after a doubtful 4401)
  const [generation, setGeneration] = useState(0);

  const accept = useCallback((s: KioskState) => {
    markPaired();
    setSkew(Date.parse(s.serverTime) - Date.now());
    setState(s);
    cacheState(s);
    setMode({ kind: 'running' });
  }, []);

  const unpaired = useCallback(() => {
    cacheState(null);
    setState(null);
    setMode({ kind: 'pairing' });
  }, []);

  useEffect(() => {
    if (mode.kind === 'pairing') return;
    let stopped = false;
    let stopSocket: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async (attempt: number) => {
      const r = await fetchState();
      if (stopped) return;
      if (r.ok) {
        accept(r.value);
        setOnline(true);
        stopSocket = openKioskSocket({
          state: accept,
          connected: setOnline,
          revoked: unpaired,
          // a bare 4401: confirm over HTTP before unpairing
          refused: () => {
            stopSocket = null;
            if (!stopped) void start(0);
          },
        });
        return;
      }
      if (r.unauthorized) return unpaired();
      // server away: keep showing the cached state (if any) and try again
      setOnline(false);
      if (cachedState()) setMode({ kind: 'running' });
      timer = setTimeout(() => void start(attempt + 1), backoff(attempt));
    };
    void start(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
      stopSocket?.();
    };
    // mode.kind flips between boot and running inside; only pairing ↔ not-pairing restarts the cycle
  }, [mode.kind === 'pairing', generation, accept, unpaired]); // eslint-disable-line react-hooks/exhaustive-deps

  const paired = useCallback(() => {
    markPaired();
    setMode({ kind: 'boot' });
    setGeneration((g) => g + 1);
  }, []);

  if (mode.kind === 'pairing') return <PairingScreen onPaired={paired} />;
  if (state) return <Player state={state} skew={skew} online={online} />;
  return (
    <main className="kiosk kiosk-idle" aria-busy="true" aria-label={S.connecting}>
      <Clock timeZone="Asia/Jakarta" />
    </main>
  );
}
