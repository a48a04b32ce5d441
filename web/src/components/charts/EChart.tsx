import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { Box } from '@mantine/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// only what Pantau draws: keeps the chart bundle a fraction of the full echarts build
echarts.use([BarChart, LineChart, PieChart, MapChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a parent can ask of a chart: a PNG of what is drawn, for export. */
export interface EChartHandle {
  toPng(): string | null;
}

interface Props {
  option: ChartOption;
  height?: number | string;
  /** Read by screen readers in place of the canvas. */
  ariaLabel: string;
  testId?: string;
}

/**
 * One ECharts instance bound to a div: resizes with its box, disposes on unmount, dark to match
 * the console (and a wall display). Reusable by every module that needs a chart.
 */
export const EChart = forwardRef<EChartHandle, Props>(function EChart({ option, height = 320, ariaLabel, testId }, ref) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, 'dark', { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  useImperativeHandle(ref, () => ({ toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#1a1b1e' }) ?? null }), []);

  return <Box ref={el} h={height} w="100%" role="img" aria-label={ariaLabel} data-testid={testId} />;
});

/** Registers a GeoJSON map once under a name, for map series keyed by region code. */
export function registerMap(name: string, geojson: unknown): void {
  if (!echarts.getMap(name)) echarts.registerMap(name, geojson as Parameters<typeof echarts.registerMap>[1]);
}
