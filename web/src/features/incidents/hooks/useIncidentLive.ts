import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../../../api/keys.ts';
import { liveConnection } from '../../../lib/live/index.ts';

/** A short two-tone alert, synthesized: no audio file to ship or fail to load. */
function beep(): void {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.connect(gain).connect(ctx.destination);
    gain.gain.value = 0.15;
    osc.frequency.setValueAtTime(880, ctx.currentTime);
    osc.frequency.setValueAtTime(660, ctx.currentTime + 0.2);
    osc.start();
    osc.stop(ctx.currentTime + 0.45);
    osc.onended = () => void ctx.close();
  } catch {
    // no audio device or autoplay refused: the red row is still there
  }
}

/**
 * Keeps incident queries fresh from the live socket's incidents topic while mounted, and sounds an
 * alert when a critical incident is created (if `sound`).
 */
export function useIncidentLive(opts: { sound?: boolean; onCritical?: (incidentId: string) => void } = {}): void {
  const qc = useQueryClient();
  const ref = useRef(opts);
  ref.current = opts;
  useEffect(() => {
    const release = liveConnection.retain();
    const off = liveConnection.onIncident((e) => {
      void qc.invalidateQueries({ queryKey: keys.incidents });
      if (e.change === 'created' && e.priority === 'critical') {
        if (ref.current.sound) beep();
        ref.current.onCritical?.(e.incidentId);
      }
    });
    return () => {
      off();
      release();
    };
  }, [qc]);
}
