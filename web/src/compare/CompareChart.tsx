/**
 * Apache ECharts for the comparison pages: bars and lines, with mark areas and points for surges and
 * mark lines for pressure on the platform (issue 15), on the canvas renderer. Registered here so that
 * only the comparison chunk carries line charts.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  CanvasRenderer,
]);

export type CompareChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
>;

const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

type Props = {
  option: CompareChartOption;
  /** What the chart shows, for screen readers (a table beside each chart holds the numbers). */
  label: string;
  height?: number;
  testId?: string;
  /** Called with the category (x or y axis label) of a clicked bar or point. */
  onSelect?: (category: string) => void;
};

export function CompareChart({ option, label, height = 320, testId, onSelect }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chart.setOption({ textStyle: { fontFamily: chartFont }, ...option });
    chart.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) select.current?.(params.name);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  return (
    <div ref={element} className="chart compare-chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />
  );
}
