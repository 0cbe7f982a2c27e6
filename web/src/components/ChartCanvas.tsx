/**
 * The one place an ECharts chart is mounted: a canvas in a labelled box, resized with its container
 * and disposed with it. Each chart module registers (`use`) only the series and components it draws.
 */
import { init } from 'echarts/core';
import { useEffect, useRef } from 'react';

const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function ChartCanvas(props: { option: object; label: string; height: number; testId?: string }) {
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
