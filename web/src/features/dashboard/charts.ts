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

/** Realization against the S-curve over the quarters. */
export function trendOption(points: TrendPoint[], labels: { financial: string; physical: string; targetFinancial: string; targetPhysical: string }): ChartOption {
  const x = points.map((p) => `${p.year} T${p.quarter}`);
  const line = (name: string, data: number[], dashed: boolean, color: string) => ({ name, type: 'line', data, smooth: true, symbolSize: 8, lineStyle: { type: dashed ? 'dashed' : 'solid', width: 3 }, itemStyle: { color } });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: big },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: x, axisLabel: big },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', ...big } },
    series: [
      line(labels.financial, points.map((p) => p.financialPct), false, '#40c057'),
      line(labels.physical, points.map((p) => p.physicalPct), false, '#4dabf7'),
      line(labels.targetFinancial, points.map((p) => p.targetFinancialPct), true, '#adb5bd'),
      line(labels.targetPhysical, points.map((p) => p.targetPhysicalPct), true, '#748ffc'),
    ],
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

/** Cameras online per region (stacked: online and the rest). */
export function camerasOption(items: { label: string; value: number; total: number | null }[], labels: { online: string; offline: string }): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: big },
    grid: { left: 150, right: 20, top: 36, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: big },
    series: [
      { name: labels.online, type: 'bar', stack: 'c', data: items.map((i) => i.value), itemStyle: { color: '#40c057' } },
      { name: labels.offline, type: 'bar', stack: 'c', data: items.map((i) => (i.total ?? i.value) - i.value), itemStyle: { color: '#868e96' } },
    ],
  };
}
