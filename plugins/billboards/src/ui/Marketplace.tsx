import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { type FormEvent, useState } from "react";
import { money } from "./format.ts";
import { ScreenMap } from "./ScreenMap.tsx";
import { s } from "./styles.ts";
import { type Screen, VENUES } from "./types.ts";
import { useProcedure } from "./use-procedure.ts";

type Filters = Record<string, unknown>;

/** Discovery: filter approved screens, see them as a list and on a map, pick one to book. */
export function Marketplace({ call, onBook }: { call: PluginCall; onBook: (id: string) => void }) {
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<string | null>(null);
  const found = useProcedure<{ screens: Screen[] }>(call, "screens.find", filters);
  const screens = found.data?.screens ?? [];

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (k: string) => String(f.get(k) ?? "").trim();
    const next: Filters = {};
    if (v("area")) next.area = v("area");
    if (v("venueType")) next.venueType = v("venueType");
    if (v("currency")) next.currency = v("currency");
    if (v("maxPrice")) next.maxPricePerSpotHour = Math.round(Number(v("maxPrice")) * 100);
    if (v("from") && v("to"))
      next.available = { from: v("from"), to: v("to"), spotsPerHour: Number(v("spots") || 1) };
    setFilters(next);
  }

  return (
    <section style={s.page} aria-labelledby="bb-market">
      <h2 id="bb-market" style={s.h2}>
        Marketplace
      </h2>
      <form onSubmit={apply} style={s.row} aria-label="Filter screens">
        <label style={s.label}>
          Area
          <input name="area" placeholder="Lagos" data-testid="filter-area" />
        </label>
        <label style={s.label}>
          Venue
          <select name="venueType" defaultValue="">
            <option value="">Any</option>
            {VENUES.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label style={s.label}>
          Currency
          <select name="currency" defaultValue="">
            <option value="">Any</option>
            <option>USD</option>
            <option>NGN</option>
          </select>
        </label>
        <label style={s.label}>
          Max price / spot / hour
          <input name="maxPrice" type="number" min={0} step="0.01" />
        </label>
        <label style={s.label}>
          Free from
          <input name="from" type="date" />
        </label>
        <label style={s.label}>
          to
          <input name="to" type="date" />
        </label>
        <label style={s.label}>
          Spots / hour
          <input name="spots" type="number" min={1} defaultValue={1} style={{ width: "5rem" }} />
        </label>
        <button type="submit">Search</button>
      </form>
      {found.error && (
        <p role="alert" style={s.error}>
          {found.error}
        </p>
      )}
      <ScreenMap screens={screens} selected={selected} onSelect={setSelected} />
      {found.loading && <p style={s.muted}>Loading screens…</p>}
      {!found.loading && screens.length === 0 && <p style={s.muted}>No screen matches.</p>}
      <ul style={{ ...s.grid, listStyle: "none", padding: 0, margin: 0 }}>
        {screens.map((sc) => (
          <li
            key={sc.id}
            data-testid={`screen-card-${sc.id}`}
            style={{
              ...s.card,
              outline: sc.id === selected ? "2px solid var(--omni-color-accent)" : undefined,
            }}
          >
            {sc.photos[0] && (
              <img
                src={sc.photos[0]}
                alt={`${sc.name}`}
                style={{ width: "100%", aspectRatio: "16 / 9", objectFit: "cover" }}
              />
            )}
            <strong>{sc.name}</strong>
            <span style={s.muted}>
              {sc.address} · {sc.venueType}
            </span>
            <span>
              {money(sc.pricePerSpotHour, sc.currency)} per spot per hour ·{" "}
              {Math.floor(sc.loopSeconds / sc.spotSeconds)} spots in a {sc.loopSeconds} s loop
            </span>
            <span style={s.muted}>
              {sc.resolution.width}×{sc.resolution.height} px · {sc.sizeMeters.width}×
              {sc.sizeMeters.height} m · open {sc.hours.open}–{sc.hours.close} ({sc.hours.timezone})
            </span>
            {sc.freeSpots !== null && sc.freeSpots !== undefined && (
              <span>{sc.freeSpots} spots free in every requested hour</span>
            )}
            <button type="button" onClick={() => onBook(sc.id)} data-testid={`book-${sc.id}`}>
              Book this screen
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
