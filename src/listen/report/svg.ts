// Draws a chart option to an SVG string on the server with ECharts' SSR renderer (no DOM, no
// browser): the report embeds the result inline, so the HTML file stands alone.
import fs from 'node:fs';
import path from 'node:path';
import type { EChartsOption } from 'echarts';

type ECharts = typeof import('echarts');
let loaded: Promise<ECharts> | null = null;

/** ECharts with the world map registered (its countries named by ISO alpha-2 code). */
function echarts(): Promise<ECharts> {
  loaded ??= import('echarts').then((module) => {
    const world = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'dashboard', 'data', 'world-110m.json'), 'utf8')) as Parameters<ECharts['registerMap']>[1];
    module.registerMap('world', world);
    return module;
  });
  return loaded;
}

export async function renderSvg(option: EChartsOption, size: { width: number; height: number }): Promise<string> {
  const lib = await echarts();
  const chart = lib.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
