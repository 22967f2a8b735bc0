export type DayCount = { day: string; clicks: number };

const HEIGHT = 40;

/**
 * Clicks per day as bars, in plain SVG: no chart library to ship in a remote that every
 * dashboard loads. Sizes are viewBox units, colours are theme tokens.
 */
export function ClicksChart({ days }: { days: readonly DayCount[] }) {
  const max = Math.max(1, ...days.map((d) => d.clicks));
  const width = Math.max(1, days.length) * 10;
  const total = days.reduce((n, d) => n + d.clicks, 0);
  return (
    <svg
      viewBox={`0 0 ${width} ${HEIGHT + 2}`}
      role="img"
      aria-label={`${total} clicks over the last ${days.length} days`}
      style={{ width: "100%", height: "auto", display: "block" }}
    >
      <line
        x1={0}
        y1={HEIGHT}
        x2={width}
        y2={HEIGHT}
        stroke="var(--omni-color-border)"
        strokeWidth={0.5}
      />
      {days.map((d, i) => {
        const h = (d.clicks / max) * (HEIGHT - 2);
        return (
          <rect
            key={d.day}
            x={i * 10 + 1.5}
            y={HEIGHT - h}
            width={7}
            height={h}
            rx={1}
            fill="var(--omni-color-primary)"
          >
            <title>{`${d.day}: ${d.clicks} clicks`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
