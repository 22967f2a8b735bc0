import type { ReactNode } from "react";
import { cx } from "../cx";

export interface StatDelta {
  /** Pre-formatted change, e.g. "+12%" or "−3 leads". */
  value: string;
  trend: "up" | "down" | "flat";
  /**
   * Whether the change is good news. Defaults to up = positive, but for
   * metrics like churn or cost "down" is the good direction.
   */
  sentiment?: "positive" | "negative" | "neutral";
  /** Period the delta compares against, e.g. "vs last week". */
  label?: string;
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  delta?: StatDelta;
  className?: string;
}

const ARROW = { up: "▲", down: "▼", flat: "▬" } as const;
const SPOKEN = { up: "Up", down: "Down", flat: "No change" } as const;
const DEFAULT_SENTIMENT = { up: "positive", down: "negative", flat: "neutral" } as const;

/** One KPI: label, big value and optional trend. Rendered as a <dl> so the pairing is announced. */
export function Stat({ label, value, delta, className }: StatProps) {
  const sentiment = delta ? (delta.sentiment ?? DEFAULT_SENTIMENT[delta.trend]) : "neutral";
  return (
    <dl className={cx("omni-stat", className)}>
      <dt className="omni-stat__label">{label}</dt>
      <dd className="omni-stat__value">{value}</dd>
      {delta && (
        <dd className={cx("omni-stat__delta", `omni-stat__delta--${sentiment}`)}>
          <span aria-hidden="true">{ARROW[delta.trend]} </span>
          <span className="omni-visually-hidden">{SPOKEN[delta.trend]} </span>
          {delta.value}
          {delta.label && <span className="omni-stat__delta-label"> {delta.label}</span>}
        </dd>
      )}
    </dl>
  );
}
