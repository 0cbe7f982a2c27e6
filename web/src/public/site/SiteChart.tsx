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
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([MapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type SiteChartOption = ComposeOption<
  | MapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** A chart drawn on a canvas; `label` says what it shows (the table beside it holds the numbers). */
export function SiteChart(props: { option: SiteChartOption; label: string; height: number; testId: string }) {
  const { option, label, height, testId } = props;
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
