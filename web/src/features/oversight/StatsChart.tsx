// One statistics chart: kilograms generated / received / utilised+disposed as bars, the rate as a line on a second
// axis. ECharts tree-shaken (bar, line, grid, tooltip, legend, SVG renderer); this module is its own lazy chunk.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Schemas } from '../../lib/api.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface Labels {
  generated: string;
  received: string;
  treated: string;
  rate: string;
}

export default function StatsChart({
  rows,
  title,
  labels,
}: {
  rows: Schemas['StatsRow'][];
  title: string;
  labels: Labels;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return undefined;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 48, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: rows.map((r) => r.group), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: 'kg' },
        { type: 'value', name: '%', max: 100, min: 0 },
      ],
      series: [
        { name: labels.generated, type: 'bar', data: rows.map((r) => r.generatedKg) },
        { name: labels.received, type: 'bar', data: rows.map((r) => r.receivedKg) },
        {
          name: labels.treated,
          type: 'bar',
          data: rows.map((r) => (r.utilisedKg * 1000 + r.disposedKg * 1000) / 1000),
        },
        {
          name: labels.rate,
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, labels]);
  // The table under the chart carries the same figures; the chart is a picture of them.
  return <div ref={el} className="chart" role="img" aria-label={title} />;
}
