import { useEffect, useLayoutEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

/**
 * A bar chart drawn by Chart.js on a canvas (docs/dashboard.md says why this library): only the parts the
 * dashboard uses are registered, so the rest is left out of the bundle. Chart.js builds no code from strings
 * and sets its canvas's size through the style object, both of which the window's CSP allows. Colours come
 * from the theme's custom properties, read again when the theme switches. No animation: the figures show at
 * once, and the dashboard knows when every chart is painted (`onPainted`).
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  values: number[];
  /** A theme custom property, e.g. --accent; or one per bar. */
  color: string | string[];
}

export interface BarChartProps {
  labels: string[];
  series: BarSeries[];
  horizontal?: boolean;
  /** What the chart shows, for assistive technology (its figures are in the table that follows). */
  label: string;
  format(value: number): string;
  onBarClick(series: number, index: number): void;
  /** Called after each paint with the data it painted. */
  onPainted(): void;
  height: number;
}

function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888888';
}

function configOf(props: BarChartProps): ChartConfiguration<'bar'> {
  const text = themeColor('--text-muted');
  const grid = themeColor('--border');
  const axis = { ticks: { color: text }, grid: { color: grid } };
  const valueAxis = { ...axis, ticks: { color: text, callback: (value: number | string) => props.format(Number(value)) } };
  return {
    type: 'bar',
    data: {
      labels: props.labels,
      datasets: props.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: Array.isArray(s.color) ? s.color.map(themeColor) : themeColor(s.color),
        borderRadius: 2,
      })),
    },
    options: {
      indexAxis: props.horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: props.horizontal ? { x: valueAxis, y: axis } : { x: axis, y: valueAxis },
      plugins: {
        legend: { display: props.series.length > 1, labels: { color: themeColor('--text') } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${props.format(Number(item.raw))}` } },
      },
      onHover: (event, elements) => {
        const canvas = event.native?.target as HTMLCanvasElement | undefined;
        if (canvas) canvas.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  };
}

export function BarChart(props: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const latest = useRef(props);
  // Before the effects below: the chart's handlers read the props of the latest render.
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!canvas.current) return;
    const built = new Chart(canvas.current, withHandlers(configOf(latest.current), latest));
    chart.current = built;
    // The theme switches on <html data-theme>: colours are read again.
    const observer = new MutationObserver(() => {
      const fresh = withHandlers(configOf(latest.current), latest);
      built.data = fresh.data;
      built.options = fresh.options!;
      built.update();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      observer.disconnect();
      built.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const built = chart.current;
    if (!built) return;
    const fresh = withHandlers(configOf(props), latest);
    built.data = fresh.data;
    built.options = fresh.options!;
    built.update();
  }, [props]);

  return (
    <div className="dashboard-chart" style={{ height: props.height }}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

/** The click and paint handlers read the latest props, so the chart is not rebuilt for new callbacks. */
function withHandlers(config: ChartConfiguration<'bar'>, latest: { current: BarChartProps }): ChartConfiguration<'bar'> {
  return {
    ...config,
    options: {
      ...config.options,
      onClick: (_event, elements) => {
        const first = elements[0];
        if (first) latest.current.onBarClick(first.datasetIndex, first.index);
      },
    },
    plugins: [{ id: 'painted', afterRender: () => latest.current.onPainted() }],
  };
}
