import { useEffect, useRef } from 'react';
import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';

use([EBar, GridComponent, TooltipComponent, CanvasRenderer]);

/** A horizontal bar chart of labelled counts (echarts, only the parts it needs). */
export function BarChart({ data, testId, emptyLabel }: { data: { label: string; value: number }[]; testId?: string; emptyLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, 'dark', { renderer: 'canvas' });
    chart.setOption({
      backgroundColor: 'transparent',
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.map((d) => d.label), inverse: true },
      series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: '#339af0' }, label: { show: true, position: 'right' } }],
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [data]);
  if (data.every((d) => d.value === 0)) return <EmptyState title={emptyLabel} />;
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height: Math.max(120, data.length * 34 + 24) }} />;
}
