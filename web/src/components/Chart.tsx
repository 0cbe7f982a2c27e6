/**
 * Apache ECharts, tree-shaken: only bar and pie charts, the components they use, and the canvas
 * renderer reach the bundle.
 */

import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

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
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chart.setOption({ textStyle: { fontFamily: chartFont }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  return <div ref={element} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
