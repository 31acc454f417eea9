// ECharts for the dashboard, loaded on demand (its own chunk): only the charts and components
// the dashboard draws are registered, with the SVG renderer, and the world map (Natural Earth
// 1:110m, public domain; see src/listen/dashboard/data/NOTICE.md) under the name 'world'.
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import world from '../../../src/listen/dashboard/data/world-110m.json' with { type: 'json' };

echarts.use([BarChart, LineChart, MapChart, PieChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);
echarts.registerMap('world', world as unknown as Parameters<typeof echarts.registerMap>[1]);

export { echarts };
