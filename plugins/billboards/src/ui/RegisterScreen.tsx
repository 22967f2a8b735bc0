import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { type FormEvent, useState } from "react";
import { FileField } from "./FileField.tsx";
import { s } from "./styles.ts";
import { VENUES } from "./types.ts";
import { useAction } from "./use-procedure.ts";

const FIELDS = [
  { name: "name", label: "Name", type: "text", def: "" },
  { name: "address", label: "Address", type: "text", def: "" },
  { name: "area", label: "Area (city, district)", type: "text", def: "" },
  { name: "lat", label: "Latitude", type: "number", def: "6.45", step: "any" },
  { name: "lng", label: "Longitude", type: "number", def: "3.40", step: "any" },
  { name: "width", label: "Width (px)", type: "number", def: "1920" },
  { name: "height", label: "Height (px)", type: "number", def: "1080" },
  { name: "widthM", label: "Width (m)", type: "number", def: "6", step: "any" },
  { name: "heightM", label: "Height (m)", type: "number", def: "3.4", step: "any" },
  { name: "loopSeconds", label: "Loop (s)", type: "number", def: "60" },
  { name: "spotSeconds", label: "Spot (s)", type: "number", def: "10" },
  { name: "price", label: "Price per spot per hour", type: "number", def: "20", step: "0.01" },
  { name: "open", label: "Opens", type: "time", def: "06:00" },
  { name: "close", label: "Closes", type: "time", def: "23:00" },
  { name: "timezone", label: "Time zone", type: "text", def: "Africa/Lagos" },
  {
    name: "impressionsPerPlay",
    label: "Viewers per play (estimate)",
    type: "number",
    def: "10",
    step: "any",
  },
] as const;

/** An owner registers a screen; it waits for an admin's approval. */
export function RegisterScreen({
  call,
  pluginId,
  onDone,
}: {
  call: PluginCall;
  pluginId: string;
  onDone: () => void;
}) {
  const create = useAction(call, "screens.create");
  const [photos, setPhotos] = useState<string[]>([]);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const v = (k: string) => String(f.get(k) ?? "").trim();
    const n = (k: string) => Number(v(k));
    const ok = await create.run({
      name: v("name"),
      address: v("address"),
      area: v("area"),
      lat: n("lat"),
      lng: n("lng"),
      venueType: v("venueType"),
      resolution: { width: n("width"), height: n("height") },
      sizeMeters: { width: n("widthM"), height: n("heightM") },
      loopSeconds: n("loopSeconds"),
      spotSeconds: n("spotSeconds"),
      pricePerSpotHour: Math.round(n("price") * 100),
      currency: v("currency"),
      hours: {
        open: v("open"),
        close: v("close") === "00:00" ? "24:00" : v("close"),
        timezone: v("timezone"),
      },
      impressionsPerPlay: n("impressionsPerPlay"),
      photos,
    });
    if (ok) {
      form.reset();
      setPhotos([]);
      onDone();
    }
  }
  return (
    <form
      onSubmit={submit}
      style={s.card}
      aria-label="Register a screen"
      data-testid="register-screen"
    >
      <h3 style={s.h3}>Register a screen</h3>
      <div style={s.grid}>
        {FIELDS.map((fd) => (
          <label key={fd.name} style={s.label}>
            {fd.label}
            <input
              name={fd.name}
              type={fd.type}
              defaultValue={fd.def}
              required={fd.name !== "area"}
              step={"step" in fd ? fd.step : undefined}
              data-testid={`screen-${fd.name}`}
            />
          </label>
        ))}
        <label style={s.label}>
          Venue
          <select name="venueType" defaultValue="roadside" data-testid="screen-venueType">
            {VENUES.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label style={s.label}>
          Currency
          <select name="currency" defaultValue="USD" data-testid="screen-currency">
            <option>USD</option>
            <option>NGN</option>
          </select>
        </label>
      </div>
      <FileField
        pluginId={pluginId}
        label="Add a photo"
        accept="image/png,image/jpeg,image/webp"
        testId="screen-photo"
        onUploaded={(o) => setPhotos((p) => [...p, o.key])}
      />
      {photos.length > 0 && <p style={s.muted}>{photos.length} photo(s) attached</p>}
      {create.error && (
        <p role="alert" style={s.error}>
          {create.error}
        </p>
      )}
      <button type="submit" disabled={create.busy} data-testid="screen-submit">
        {create.busy ? "Registering…" : "Register screen"}
      </button>
    </form>
  );
}
