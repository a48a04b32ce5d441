import { useState } from 'react';
import { usePortalT, localeOf } from '../i18n.ts';
import { useStats } from '../api.ts';
import { Bars } from '../components/Bars.tsx';
import { LoadError, Loading } from '../components/Status.tsx';
import { useTitle } from '../useTitle.ts';

const PERIODS = [7, 30, 90, 365];

/** Transparency statistics: aggregates only (reports by category and status, time to resolution, cameras online). */
export function StatsPage() {
  const { t, i18n } = usePortalT();
  useTitle(t('stats.title'));
  const [days, setDays] = useState(30);
  const s = useStats(days);
  const num = (v: number) => v.toLocaleString(localeOf(i18n.language), { maximumFractionDigits: 1 });
  // under an hour reads better in minutes ("12 menit", not "0,2 jam")
  const hours = (v: number | null) => (v === null ? '—' : v < 1 ? t('stats.minutes', { value: num(Math.max(1, Math.round(v * 60))) }) : t('stats.hours', { value: num(v) }));
  const d = s.data;
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p className="muted">{t('stats.intro', { days })}</p>
      <div className="field" style={{ maxWidth: '14rem' }}>
        <label htmlFor="s-days">{t('stats.period')}</label>
        <select id="s-days" value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="stats-days">
          {PERIODS.map((p) => <option key={p} value={p}>{t('stats.days', { count: p })}</option>)}
        </select>
      </div>
      {s.loading && !d && <Loading />}
      {s.error && <LoadError onRetry={s.reload} />}
      {d && (
        <>
          <div className="cards">
            <div className="card"><div className="muted">{t('stats.total')}</div><div className="num" data-testid="stats-total">{num(d.reports.total)}</div></div>
            <div className="card"><div className="muted">{t('stats.cameras')}</div><div className="num small" data-testid="stats-cameras">{t('stats.camerasOnline', { online: num(d.cameras.online), total: num(d.cameras.total) })}</div></div>
          </div>
          <Bars testId="stats-category" title={t('stats.byCategory')} columns={[t('stats.colCategory'), t('stats.colCount')]} data={d.reports.byCategory.map((r) => ({ key: r.category, label: r.label, value: r.count }))} />
          <Bars testId="stats-status" title={t('stats.byStatus')} columns={[t('stats.colStatus'), t('stats.colCount')]} data={d.reports.byStatus.map((r) => ({ key: r.status, label: t(`incidentStatus.${r.status}`, { defaultValue: r.status }), value: r.count }))} />
          <Bars testId="stats-resolution-category" title={t('stats.resolutionCategory')} columns={[t('stats.colCategory'), t('stats.colAvg')]}
            data={d.resolution.byCategory.map((r) => ({ key: r.category, label: `${r.label} (${r.resolved})`, value: r.avgHours ?? 0, text: hours(r.avgHours) }))} />
          <Bars testId="stats-resolution-agency" title={t('stats.resolutionAgency')} columns={[t('stats.colAgency'), t('stats.colAvg')]}
            data={d.resolution.byAgency.map((r) => ({ key: r.agency, label: `${r.agency} (${r.resolved})`, value: r.avgHours ?? 0, text: hours(r.avgHours) }))} />
          <Bars testId="stats-cameras-region" title={t('stats.cameras')} columns={[t('stats.colRegion'), t('stats.colOnline')]}
            data={d.cameras.byRegion.map((r) => ({ key: r.regionCode, label: r.regionName, value: r.online, text: `${num(r.online)} / ${num(r.total)}` }))} />
        </>
      )}
    </>
  );
}
