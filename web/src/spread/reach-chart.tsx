// The reach curve of one or more strategies in ECharts: the mean reach by the end of each
// diffusion step, the first series with its 95 % band (a stacked area between low and high).
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Step } from './types.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries { name: string; steps: Step[]; band?: boolean; dashed?: boolean; values?: Array<number | null> }

const COLOURS = ['#1f6f5c', '#b5562a', '#4a5fa8', '#8a6d1d', '#7a3f7a'];

export function ReachChart({ series, xLabels, label, xName, yName }: { series: ChartSeries[]; xLabels: string[]; label: string; xName: string; yName: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    const out: echarts.EChartsCoreOption['series'] = [];
    const list = out as unknown[];
    series.forEach((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const pad = (values: number[]) => xLabels.map((_, t) => values[Math.min(t, values.length - 1)] ?? null);
      if (s.band && s.steps.length > 0) {
        list.push({ name: `${s.name} low`, type: 'line', data: pad(s.steps.map((p) => p.low)), stack: `band${i}`, symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } });
        list.push({ name: `${s.name} 95 %`, type: 'line', data: pad(s.steps.map((p) => p.high - p.low)), stack: `band${i}`, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: colour, opacity: 0.18 }, tooltip: { show: false } });
      }
      list.push({ name: s.name, type: 'line', data: s.values ?? pad(s.steps.map((p) => p.reached)), symbol: 'circle', symbolSize: 5, lineStyle: { color: colour, type: s.dashed ? 'dashed' : 'solid', width: 2 }, itemStyle: { color: colour } });
    });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 36, bottom: 40 },
      legend: { top: 0, data: series.map((s) => s.name) },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? Math.round(v).toLocaleString() : '–') },
      xAxis: { type: 'category', data: xLabels, name: xName, nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: yName },
      series: out,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [series, xLabels, xName, yName]);
  return <div className="spread-chart" ref={box} role="img" aria-label={label} />;
}
