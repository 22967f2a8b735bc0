"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { cx } from "../cx";

export type ChartTone = "primary" | "accent" | "success" | "warning" | "danger" | "muted";

export interface ChartSeries {
  /** The field of each datum holding this series' value. */
  key: string;
  label: string;
  tone?: ChartTone;
}

export interface ChartReferenceLine {
  value: number;
  label: string;
  tone?: ChartTone;
}

export interface ChartProps {
  /** What the chart shows, for screen readers and the data table's caption. */
  label: string;
  data: Array<Record<string, string | number>>;
  /** The field naming each bar group (e.g. the day). */
  xKey: string;
  series: ChartSeries[];
  /** Series drawn as lines over the bars, e.g. a running month-to-date total. */
  lines?: ChartSeries[];
  /** Horizontal lines such as a quota. */
  referenceLines?: ChartReferenceLine[];
  stacked?: boolean;
  /** Appended to values in the tooltip and the table, e.g. "tokens". */
  unit?: string;
  /** Plot height in rem. */
  height?: number;
  className?: string;
}

const TONE: Record<ChartTone, string> = {
  primary: "var(--omni-color-primary)",
  accent: "var(--omni-color-accent)",
  success: "var(--omni-color-success)",
  warning: "var(--omni-color-warning)",
  danger: "var(--omni-color-danger)",
  muted: "var(--omni-color-muted-foreground)",
};
const ROTATION: ChartTone[] = ["primary", "accent", "success", "warning", "muted"];

const fmt = (n: unknown) =>
  typeof n === "number" ? n.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(n ?? "");

/**
 * A bar chart (recharts) in theme colours, with optional line series and reference lines (a quota) and a
 * visually hidden table of the same numbers, so the data is readable without the picture.
 */
export function Chart({
  label,
  data,
  xKey,
  series,
  lines = [],
  referenceLines = [],
  stacked = false,
  unit,
  height = 14,
  className,
}: ChartProps) {
  const withUnit = (n: unknown) => (unit ? `${fmt(n)} ${unit}` : fmt(n));
  const top = Math.max(0, ...referenceLines.map((l) => l.value));
  return (
    <figure className={cx("omni-chart", className)} aria-label={label}>
      <div className="omni-chart__plot" style={{ height: `${height}rem` }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--omni-color-border)" />
            <XAxis dataKey={xKey} tick={{ fill: "var(--omni-color-muted-foreground)" }} />
            <YAxis
              tickFormatter={fmt}
              width={56}
              domain={[0, (max: number) => Math.max(max, top)]}
              tick={{ fill: "var(--omni-color-muted-foreground)" }}
            />
            <Tooltip
              formatter={(v) => withUnit(v)}
              contentStyle={{
                background: "var(--omni-color-surface)",
                border: "var(--omni-border)",
                color: "var(--omni-color-surface-foreground)",
              }}
            />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId={stacked ? "stack" : undefined}
                fill={TONE[s.tone ?? ROTATION[i % ROTATION.length] ?? "primary"]}
                isAnimationActive={false}
              />
            ))}
            {lines.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type="monotone"
                stroke={TONE[s.tone ?? "accent"]}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {referenceLines.map((l) => (
              <ReferenceLine
                key={l.label}
                y={l.value}
                stroke={TONE[l.tone ?? "danger"]}
                strokeDasharray="4 4"
                label={{
                  value: l.label,
                  position: "insideTopRight",
                  fill: TONE[l.tone ?? "danger"],
                }}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="omni-visually-hidden">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{xKey}</th>
            {[...series, ...lines].map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={String(d[xKey])}>
              <th scope="row">{String(d[xKey])}</th>
              {[...series, ...lines].map((s) => (
                <td key={s.key}>{withUnit(d[s.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
