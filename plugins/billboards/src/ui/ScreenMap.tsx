export type MapScreen = { id: string; name: string; lat: number; lng: number; area: string };

const W = 400;
const H = 220;
const PAD = 20;

/**
 * The screens on a map drawn offline: an equirectangular projection fitted to the points,
 * with a graticule every few degrees so distances read right. A marker selects its screen.
 */
export function ScreenMap({
  screens,
  selected,
  onSelect,
}: {
  screens: readonly MapScreen[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const lats = screens.map((s) => s.lat);
  const lngs = screens.map((s) => s.lng);
  const span = (xs: number[], min: number) => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const pad = Math.max(min, (hi - lo) * 0.15);
    return [lo - pad, hi + pad] as const;
  };
  const [lat0, lat1] = screens.length ? span(lats, 0.5) : ([-60, 75] as const);
  const [lng0, lng1] = screens.length ? span(lngs, 0.5) : ([-180, 180] as const);
  // Keep degrees square at the middle latitude, so the map is not stretched.
  const k = Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180);
  const scale = Math.min((W - 2 * PAD) / ((lng1 - lng0) * k), (H - 2 * PAD) / (lat1 - lat0));
  const x = (lng: number) => W / 2 + (lng - (lng0 + lng1) / 2) * k * scale;
  const y = (lat: number) => H / 2 - (lat - (lat0 + lat1) / 2) * scale;
  const step = niceStep(Math.max(lat1 - lat0, lng1 - lng0) / 4);
  const grid = (lo: number, hi: number) => {
    const out: number[] = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(Number(v.toFixed(6)));
    return out;
  };
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Map of ${screens.length} screens`}
      data-testid="billboards-map"
      style={{
        width: "100%",
        height: "auto",
        maxHeight: "22rem",
        display: "block",
        background: "var(--omni-color-muted)",
        borderRadius: "var(--omni-radius-md)",
      }}
    >
      {grid(lat0, lat1).map((lat) => (
        <g key={`lat${lat}`}>
          <line
            x1={0}
            x2={W}
            y1={y(lat)}
            y2={y(lat)}
            stroke="var(--omni-color-border)"
            strokeWidth={0.5}
          />
          <text x={2} y={y(lat) - 2} fontSize={7} fill="var(--omni-color-muted-foreground)">
            {lat.toFixed(step < 1 ? 1 : 0)}°
          </text>
        </g>
      ))}
      {grid(lng0, lng1).map((lng) => (
        <g key={`lng${lng}`}>
          <line
            x1={x(lng)}
            x2={x(lng)}
            y1={0}
            y2={H}
            stroke="var(--omni-color-border)"
            strokeWidth={0.5}
          />
          <text x={x(lng) + 2} y={H - 3} fontSize={7} fill="var(--omni-color-muted-foreground)">
            {lng.toFixed(step < 1 ? 1 : 0)}°
          </text>
        </g>
      ))}
      {screens.map((sc) => {
        const on = sc.id === selected;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG marker cannot be a <button>
          <g
            key={sc.id}
            role="button"
            tabIndex={0}
            aria-label={`${sc.name}, ${sc.area}`}
            data-testid={`map-marker-${sc.id}`}
            onClick={() => onSelect(sc.id)}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect(sc.id)}
            style={{ cursor: "pointer" }}
          >
            <circle
              cx={x(sc.lng)}
              cy={y(sc.lat)}
              r={on ? 7 : 5}
              fill={on ? "var(--omni-color-accent)" : "var(--omni-color-primary)"}
              stroke="var(--omni-color-background)"
              strokeWidth={1.5}
            />
            <text
              x={x(sc.lng) + (x(sc.lng) > W * 0.7 ? -8 : 8)}
              y={y(sc.lat) + 3}
              textAnchor={x(sc.lng) > W * 0.7 ? "end" : "start"}
              fontSize={8}
              fill="var(--omni-color-foreground)"
            >
              {sc.name}
            </text>
            <title>{`${sc.name} (${sc.lat.toFixed(3)}, ${sc.lng.toFixed(3)})`}</title>
          </g>
        );
      })}
    </svg>
  );
}

/** 1, 2 or 5 × a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
