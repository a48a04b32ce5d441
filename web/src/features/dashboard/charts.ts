import type { Indicator, OpdRank, TrendPoint } from '@pantau/shared';
import type { ChartOption } from '../../components/charts/EChart.tsx';

/** Traffic-light colours, shared by charts and badges. */
export const LIGHT_COLOR = { hijau: '#40c057', kuning: '#fab005', merah: '#fa5252' } as const;

const big = { fontSize: 14 };

/** OPDs ranked: financial and physical % as bars, the weighted target as a marker per OPD. */
export function rankingOption(opds: OpdRank[], labels: { financial: string; physical: string; target: string }): ChartOption {
  const names = [...opds].reverse().map((o) => o.code);
  const rev = [...opds].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: big },
    grid: { left: 90, right: 30, top: 36, bottom: 20 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', ...big } },
    yAxis: { type: 'category', data: names, axisLabel: big },
    series: [
      { name: labels.financial, type: 'bar', data: rev.map((o) => ({ value: o.financialPct, itemStyle: { color: LIGHT_COLOR[o.status] } })) },
      { name: labels.physical, type: 'bar', data: rev.map((o) => o.physicalPct), itemStyle: { color: '#4dabf7' } },
      { name: labels.target, type: 'scatter', symbol: 'diamond', symbolSize: 14, data: rev.map((o) => [o.targetFinancialPct, o.code]), itemStyle: { color: '#f8f9fa' } },
    ],
  };
}

/**
 * Realization against the S-curve: quarters T1–T4 on the axis and one line per year, because
 * realization is cumulative within a budget year and starts again from zero each January. The
 * target is drawn for the latest year.
 */
export function trendOption(points: TrendPoint[], labels: { financial: string; physical: string; targetFinancial: string; targetPhysical: string }): ChartOption {
  const years = [...new Set(points.map((p) => p.year))].sort();
  const latest = years[years.length - 1];
  const byQuarter = (year: number, k: keyof TrendPoint) => [1, 2, 3, 4].map((q) => points.find((p) => p.year === year && p.quarter === q)?.[k] ?? null);
  const palette = ['#40c057', '#4dabf7', '#fab005', '#e599f7', '#ff8787'];
  const line = (name: string, data: (number | null)[], dashed: boolean, color: string, width = 3) => ({ name, type: 'line', data, symbolSize: 8, lineStyle: { type: dashed ? 'dashed' : 'solid', width }, itemStyle: { color } });
  const series = years.flatMap((y, i) => [line(`${labels.financial} ${y}`, byQuarter(y, 'financialPct'), false, palette[(i * 2) % palette.length]!), line(`${labels.physical} ${y}`, byQuarter(y, 'physicalPct'), false, palette[(i * 2 + 1) % palette.length]!, 2)]);
  if (latest !== undefined) series.push(line(`${labels.targetFinancial} ${latest}`, byQuarter(latest, 'targetFinancialPct'), true, '#adb5bd', 2), line(`${labels.targetPhysical} ${latest}`, byQuarter(latest, 'targetPhysicalPct'), true, '#748ffc', 2));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: big, type: 'scroll' },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: ['T1', 'T2', 'T3', 'T4'], axisLabel: big },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', ...big } },
    series,
  };
}

/** IKU target vs realization, as achievement %. */
export function indicatorOption(items: Indicator[], label: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 20, bottom: 80 },
    xAxis: { type: 'category', data: items.map((i) => i.code), axisLabel: big },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [{ name: label, type: 'bar', data: items.map((i) => ({ value: i.achievementPct ?? 0, itemStyle: { color: (i.achievementPct ?? 0) >= 100 ? '#40c057' : (i.achievementPct ?? 0) >= 90 ? '#fab005' : '#fa5252' } })), markLine: { data: [{ yAxis: 100 }], symbol: 'none' } }],
  };
}

/** A service indicator as stacked bars: the part that is fine, and the rest of the total. */
export function serviceOption(items: { label: string; value: number; total: number | null }[], labels: { ok: string; not: string }): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: big },
    grid: { left: 150, right: 20, top: 36, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: big },
    series: [
      { name: labels.ok, type: 'bar', stack: 'c', data: items.map((i) => i.value), itemStyle: { color: '#40c057' } },
      { name: labels.not, type: 'bar', stack: 'c', data: items.map((i) => (i.total ?? i.value) - i.value), itemStyle: { color: '#868e96' } },
    ],
  };
}
