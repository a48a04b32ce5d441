import { useEffect, useState } from 'react';
import type { TransparencyStats } from '@pantau/shared';
import { fetchStats } from '../api.ts';
import { S } from '../strings.ts';

const REFRESH_MS = 5 * 60_000;

/**
 * Transparency statistics from the portal's public endpoint. Whatever it answers (or not: an older
 * server without the portal), the tile shows what it can and otherwise stays empty.
 */
export function StatsTile() {
  const [stats, setStats] = useState<Partial<TransparencyStats> | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const r = await fetchStats();
      if (!stopped && r.ok) setStats(r.value);
    };
    void load();
    const id = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, []);
  const total = stats?.reports?.total;
  const byCategory = stats?.reports?.byCategory ?? [];
  const hours = stats?.resolution?.byCategory?.filter((c) => c.avgHours !== null) ?? [];
  const avg = hours.length ? hours.reduce((s, c) => s + (c.avgHours ?? 0) * c.resolved, 0) / Math.max(1, hours.reduce((s, c) => s + c.resolved, 0)) : null;
  const cams = stats?.cameras;
  return (
    <div className="kiosk-stats">
      <h2>{S.stats}</h2>
      {typeof total === 'number' && (
        <div className="kiosk-stat">
          <span className="kiosk-stat-value">{total.toLocaleString(S.locale)}</span>
          <span className="kiosk-stat-label">{S.reports}</span>
        </div>
      )}
      {avg !== null && (
        <div className="kiosk-stat">
          <span className="kiosk-stat-value">{avg.toFixed(1)}</span>
          <span className="kiosk-stat-label">{S.resolved} ({S.hours})</span>
        </div>
      )}
      {cams && typeof cams.online === 'number' && (
        <div className="kiosk-stat">
          <span className="kiosk-stat-value">
            {cams.online}
            {typeof cams.total === 'number' ? ` / ${cams.total}` : ''}
          </span>
          <span className="kiosk-stat-label">{S.camerasOnline}</span>
        </div>
      )}
      <ul className="kiosk-stat-list">
        {byCategory.slice(0, 6).map((c) => (
          <li key={c.category}>
            <span>{c.label}</span>
            <span>{c.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
