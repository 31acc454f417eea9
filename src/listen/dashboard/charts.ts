// ECharts options for the dashboard's charts, shared by the web tab (drawn in the browser) and
// the buzz report (drawn to SVG on the server): one definition, the same picture. Pure: data
// and already-translated labels in, an option object out; no echarts import beyond its types.
import type { EChartsOption } from 'echarts';

/** One colour per source type, kept across charts (and readable on white). */
export const SOURCE_COLORS: Record<string, string> = {
  news: '#1f5fa8',
  blog: '#c2571a',
  forum: '#6b4fa0',
  microblog: '#2b8a6e',
  social: '#b83a6b',
  review: '#8a7a12',
  video: '#4a4a4a',
};
export const SENTIMENT_COLORS = { positive: '#2b8a3e', neutral: '#8a8f98', negative: '#c92a2a', unscored: '#d0d4da' } as const;
export const GENDER_COLORS = { f: '#b83a6b', m: '#1f5fa8', unknown: '#b8bec7', organisation: '#8a7a12' } as const;
const PALETTE = ['#1f5fa8', '#c2571a', '#2b8a6e', '#6b4fa0', '#b83a6b', '#8a7a12', '#4a4a4a', '#0b7285', '#5c940d', '#e8590c', '#862e9c', '#495057'];

const base = (animation: boolean): EChartsOption => ({ animation, textStyle: { fontFamily: 'system-ui, sans-serif' }, aria: { enabled: true } });

export interface VolumeInput {
  /** Axis labels (formatted dates or hours), one per bucket. */
  labels: string[];
  bySource: Record<string, number[]>;
  /** Bucket indexes marked as spikes, with the text shown on hover (e.g. "×150"). */
  spikes: Array<{ index: number; text: string }>;
  sourceName: (sourceType: string) => string;
  spikeName: string;
  animation?: boolean;
}

/** Mentions per bucket, stacked by source type, with a marker over each spike. */
export function volumeOption(input: VolumeInput): EChartsOption {
  const sources = Object.keys(input.bySource).sort((a, b) => sum(input.bySource[b]!) - sum(input.bySource[a]!));
  const totals = input.labels.map((_, i) => sources.reduce((s, k) => s + (input.bySource[k]![i] ?? 0), 0));
  return {
    ...base(input.animation ?? false),
    color: sources.map((s, i) => SOURCE_COLORS[s] ?? PALETTE[i % PALETTE.length]!),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll', data: [...sources.map(input.sourceName), input.spikeName] },
    grid: { left: 50, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: input.labels },
    yAxis: { type: 'value' },
    series: [
      ...sources.map((s) => ({ name: input.sourceName(s), type: 'bar' as const, stack: 'volume', barCategoryGap: '20%', data: input.bySource[s]! })),
      {
        name: input.spikeName,
        type: 'scatter' as const,
        symbol: 'triangle',
        symbolSize: 11,
        symbolRotate: 180,
        itemStyle: { color: '#c92a2a' },
        data: input.spikes.map((s) => ({ value: [s.index, totals[s.index]! * 1.04 + 0.5], name: s.text })),
        tooltip: { trigger: 'item', formatter: (p: unknown) => `${input.spikeName}: ${(p as { name: string }).name}` },
      },
    ],
  };
}

/** Mentions per country on the world map (register the map as 'world' first: names are ISO alpha-2 codes). */
export function mapOption(input: { countries: Array<{ key: string; count: number }>; countryName: (code: string) => string; seriesName: string; animation?: boolean }): EChartsOption {
  const data = input.countries.filter((c) => /^[A-Z]{2}$/.test(c.key)).map((c) => ({ name: c.key, value: c.count }));
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    ...base(input.animation ?? false),
    tooltip: { trigger: 'item', formatter: (p: unknown) => { const q = p as { name: string; value: number }; return `${input.countryName(q.name)}: ${Number.isFinite(q.value) ? q.value : 0}`; } },
    visualMap: { min: 0, max, left: 8, bottom: 8, calculable: false, inRange: { color: ['#e3ecf7', '#1f5fa8'] }, text: [String(max), '0'] },
    series: [{ name: input.seriesName, type: 'map', map: 'world', roam: false, itemStyle: { areaColor: '#f1f3f5', borderColor: '#adb5bd', borderWidth: 0.5 }, emphasis: { label: { show: false } }, data }],
  };
}

/** A ring of shares (gender, sentiment). */
export function pieOption(input: { slices: Array<{ name: string; value: number; color: string }>; seriesName: string; animation?: boolean }): EChartsOption {
  return {
    ...base(input.animation ?? false),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d} %)' },
    legend: { bottom: 0 },
    series: [{ name: input.seriesName, type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: { formatter: '{d} %' }, data: input.slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })) }],
  };
}

/** Lines over time, one per named series (sentiment trend, share of voice). */
export function linesOption(input: { labels: string[]; lines: Array<{ name: string; data: number[]; color?: string }>; stack?: boolean; animation?: boolean }): EChartsOption {
  return {
    ...base(input.animation ?? false),
    color: input.lines.map((l, i) => l.color ?? PALETTE[i % PALETTE.length]!),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 50, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: input.labels, boundaryGap: false },
    yAxis: { type: 'value' },
    series: input.lines.map((l) => ({ name: l.name, type: 'line' as const, showSymbol: false, data: l.data, ...(input.stack ? { stack: 'all', areaStyle: {} } : {}) })),
  };
}

/** Horizontal bars, largest on top (keywords, authors, sites). */
export function barsOption(input: { items: Array<{ name: string; value: number }>; seriesName: string; color?: string; animation?: boolean }): EChartsOption {
  const items = [...input.items].reverse();
  return {
    ...base(input.animation ?? false),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ name: input.seriesName, type: 'bar', data: items.map((i) => i.value), itemStyle: { color: input.color ?? '#1f5fa8' } }],
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, n) => s + n, 0);
}
