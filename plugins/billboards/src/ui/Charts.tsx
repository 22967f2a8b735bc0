const H = 60;

export type Point = { label: string; value: number };

/**
 * Bars per day in plain SVG (no chart library to ship in a remote). Sizes are viewBox units,
 * colours are theme tokens; each bar has a title for the exact value.
 */
export function BarChart({
  points,
  label,
  format = String,
  tone = "primary",
}: {
  points: readonly Point[];
  label: string;
  format?: (n: number) => string;
  tone?: "primary" | "accent" | "success";
}) {
  const max = Math.max(1e-9, ...points.map((p) => Math.abs(p.value)));
  const w = Math.max(1, points.length) * 10;
  const total = points.reduce((n, p) => n + p.value, 0);
  return (
    <figure style={{ margin: 0, display: "grid", gap: "var(--omni-space-1)" }}>
      <figcaption style={{ fontSize: "var(--omni-font-size-sm)" }}>
        {label}: <strong>{format(total)}</strong>
      </figcaption>
      <svg
        viewBox={`0 0 ${w} ${H + 2}`}
        role="img"
        aria-label={`${label}: ${format(total)} over ${points.length} days`}
        style={{ width: "100%", height: "5rem", display: "block" }}
        preserveAspectRatio="none"
      >
        <line x1={0} y1={H} x2={w} y2={H} stroke="var(--omni-color-border)" strokeWidth={0.5} />
        {points.map((p, i) => {
          const h = (Math.abs(p.value) / max) * (H - 2);
          return (
            <rect
              key={p.label}
              x={i * 10 + 1.5}
              y={H - h}
              width={7}
              height={h}
              rx={1}
              fill={p.value < 0 ? "var(--omni-color-danger)" : `var(--omni-color-${tone})`}
            >
              <title>{`${p.label}: ${format(p.value)}`}</title>
            </rect>
          );
        })}
      </svg>
    </figure>
  );
}

/** A 0–100% line (occupancy) with a faint area under it. */
export function RatioLine({ points, label }: { points: readonly Point[]; label: string }) {
  const w = Math.max(2, points.length) * 10;
  const xy = points.map((p, i) => [i * 10 + 5, H - Math.min(1, p.value) * (H - 2)] as const);
  const line = xy.map(([x, y], i) => `${i ? "L" : "M"}${x},${y}`).join(" ");
  const avg = points.length ? points.reduce((n, p) => n + p.value, 0) / points.length : 0;
  return (
    <figure style={{ margin: 0, display: "grid", gap: "var(--omni-space-1)" }}>
      <figcaption style={{ fontSize: "var(--omni-font-size-sm)" }}>
        {label}: <strong>{Math.round(avg * 100)}%</strong> on average
      </figcaption>
      <svg
        viewBox={`0 0 ${w} ${H + 2}`}
        role="img"
        aria-label={`${label}: ${Math.round(avg * 100)}% on average`}
        style={{ width: "100%", height: "5rem", display: "block" }}
        preserveAspectRatio="none"
      >
        <line x1={0} y1={H} x2={w} y2={H} stroke="var(--omni-color-border)" strokeWidth={0.5} />
        {xy.length > 0 && (
          <>
            <path
              d={`${line} L${xy.at(-1)?.[0]},${H} L${xy[0]?.[0]},${H} Z`}
              fill="var(--omni-color-primary)"
              opacity={0.15}
            />
            <path d={line} fill="none" stroke="var(--omni-color-primary)" strokeWidth={1.5} />
          </>
        )}
        {points.map((p, i) => (
          <circle
            key={p.label}
            cx={xy[i]?.[0]}
            cy={xy[i]?.[1]}
            r={1.5}
            fill="var(--omni-color-primary)"
          >
            <title>{`${p.label}: ${Math.round(p.value * 100)}%`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
