/**
 * The overview's charts: a world map and a line chart over time. ECharts tree-shaken to what they
 * use (the map and line series, the visual map, grid, legend, tooltip, the canvas renderer).
 */
import type { LineSeriesOption, MapSeriesOption } from 'echarts/charts';
import { LineChart, MapChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ChartCanvas } from '../../components/ChartCanvas.js';

use([MapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type SiteChartOption = ComposeOption<
  | MapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** A chart drawn on a canvas; `label` says what it shows (the table beside it holds the numbers). */
export function SiteChart(props: { option: SiteChartOption; label: string; height: number; testId: string }) {
  return <ChartCanvas {...props} />;
}
