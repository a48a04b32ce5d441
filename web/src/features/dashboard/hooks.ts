import { useSearchParams } from 'react-router';
import { useTrend } from '../../api/dashboards.ts';

/** The period in the URL (so a wall display can be pointed at one), defaulting to the latest year with figures. */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const trend = useTrend();
  const years = [...new Set((trend.data ?? []).map((p) => p.year))].sort((a, b) => b - a);
  const year = Number(params.get('year')) || years[0] || new Date().getFullYear();
  const quarter = Number(params.get('quarter')) || null;
  const set = (y: number, q: number | null) => setParams(q ? { year: String(y), quarter: String(q) } : { year: String(y) });
  return { year, quarter, years: years.length ? years : [year], set, trend };
}
