import type { ChartOption } from '../../../components/charts/EChart.tsx';

export const CHART_TYPES = ['bar', 'line', 'pie', 'map'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** The map name the kabupaten/kota boundaries are registered under (features keyed by `code`). */
export const REGION_MAP = 'kalteng-kabkota';

/** ECharts option for aggregated points `{x, y}`; the map colours regions whose code is `x`. */
export function chartOption(type: ChartType, points: { x: unknown; y: number }[], yLabel: string): ChartOption {
  const labels = points.map((p) => (p.x === null ? '—' : String(p.x)));
  const values = points.map((p) => p.y);
  const tooltip = { trigger: type === 'pie' || type === 'map' ? 'item' : 'axis' };
  if (type === 'pie') return { tooltip, series: [{ type: 'pie', radius: ['35%', '70%'], data: points.map((p, i) => ({ name: labels[i], value: p.y })) }] };
  if (type === 'map') {
    return {
      tooltip,
      visualMap: { min: Math.min(0, ...values), max: Math.max(1, ...values), left: 'left', bottom: 10, calculable: true, text: [yLabel, ''] },
      series: [{ type: 'map', map: REGION_MAP, nameProperty: 'code', roam: true, data: points.map((p, i) => ({ name: labels[i], value: p.y })) }],
    };
  }
  return {
    tooltip,
    grid: { left: 60, right: 20, top: 20, bottom: 80 },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', name: yLabel },
    series: [{ type, data: values, smooth: type === 'line' }],
  };
}
