// ECharts, tree-shaken: only the charts and components 首页 draws, bundled with
// the app (no network). Registered once.
import { use } from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { default as VChart } from 'vue-echarts';

/** the params of a chart click that matter here */
export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex?: number;
  data?: unknown;
}
