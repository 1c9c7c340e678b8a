/**
 * Chart colours per theme, as CSS variables set on the chart's frame (ChartFrame), so the SVG follows the light or
 * dark theme without re-rendering. Chosen for WCAG 2.1 AA against the panel (white / slate-900 #0f172a):
 * text (axis ticks, axis labels, legend) at least 4.5:1, lines, bars and axis lines at least 3:1 (1.4.11).
 * Light: slate-600 text 7.6:1; series sky-700 5.9, amber-700 5.0, violet-600 5.7, emerald-700 5.5, pink-700 6.0.
 * Dark: slate-300 text 12:1; series sky-400 8.4, amber-400 10.7, violet-400 6.6, emerald-400 9.2, pink-400 6.6;
 * axis lines slate-500 3.6:1. e2e/glance-inputs.spec.ts reads the computed colours and checks the ratios.
 */
export const CHART_THEME_CLASS = [
  "[--chart-bg:#ffffff] [--chart-text:#475569] [--chart-axis:#64748b] [--chart-grid:#cbd5e1]",
  "[--chart-1:#0369a1] [--chart-2:#b45309] [--chart-3:#7c3aed] [--chart-4:#047857] [--chart-5:#be185d] [--chart-6:#475569]",
  "dark:[--chart-bg:#0f172a] dark:[--chart-text:#cbd5e1] dark:[--chart-axis:#64748b] dark:[--chart-grid:#334155]",
  "dark:[--chart-1:#38bdf8] dark:[--chart-2:#fbbf24] dark:[--chart-3:#a78bfa] dark:[--chart-4:#34d399] dark:[--chart-5:#f472b6] dark:[--chart-6:#94a3b8]",
].join(" ");

export const chartColor = {
  text: "var(--chart-text)",
  axis: "var(--chart-axis)",
  grid: "var(--chart-grid)",
  /** Fargate, vCPU, compute. */
  fargate: "var(--chart-1)",
  /** ECS on EC2, OS license, the costs beside compute. */
  ec2: "var(--chart-2)",
  memory: "var(--chart-3)",
  storage: "var(--chart-4)",
  spot: "var(--chart-5)",
  other: "var(--chart-6)",
} as const;

/** Axis props: readable tick text and a visible axis line. */
export const axisProps = {
  tick: { fontSize: 12, fill: chartColor.text },
  axisLine: { stroke: chartColor.axis },
  tickLine: { stroke: chartColor.axis },
} as const;

export const axisLabel = (value: string, extra: Record<string, unknown> = {}) => ({ value, fontSize: 12, fill: chartColor.text, ...extra });

export const gridProps = { strokeDasharray: "3 3", stroke: chartColor.grid } as const;

/** Legend text in the text colour (recharts colours it like its series by default, too faint on dark). */
export const legendFormatter = (value: unknown) => <span style={{ color: chartColor.text, fontSize: 12 }}>{String(value)}</span>;

export const tooltipProps = {
  contentStyle: { background: "var(--chart-bg)", borderColor: chartColor.axis, color: chartColor.text },
  labelStyle: { color: chartColor.text },
  itemStyle: { color: chartColor.text },
} as const;
