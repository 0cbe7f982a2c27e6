/**
 * Apache ECharts, tree-shaken: only bar and pie charts, the components they use, and the canvas
 * renderer reach the bundle.
 */

import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ChartCanvas } from './ChartCanvas.js';

use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

type Props = {
  option: ChartOption;
  /** What the chart shows, for screen readers (the tables beside the charts hold the numbers). */
  label: string;
  height?: number;
  testId?: string;
};

export function Chart({ option, label, height = 280, testId }: Props) {
  return <ChartCanvas option={option} label={label} height={height} testId={testId} />;
}
