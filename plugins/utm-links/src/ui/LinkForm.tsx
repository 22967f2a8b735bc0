import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { type FormEvent, useState } from "react";

const FIELDS = [
  { name: "destination", label: "Destination URL", required: true },
  { name: "campaign", label: "Campaign", required: true },
  { name: "source", label: "Source (optional)" },
  { name: "medium", label: "Medium (optional)" },
  { name: "term", label: "Term (optional)" },
  { name: "content", label: "Content (optional)" },
] as const;

/** Creates a link; the server names the failing field in its error, which is shown as is. */
export function LinkForm({ call, onCreated }: { call: PluginCall; onCreated: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const input = Object.fromEntries(
      [...new FormData(form)].filter(([, v]) => typeof v === "string" && v.trim() !== ""),
    );
    setBusy(true);
    try {
      await call("links.create", input);
      setError(null);
      form.reset();
      onCreated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} style={{ display: "grid", gap: "var(--omni-space-2)" }}>
      {FIELDS.map((f) => (
        <label key={f.name} style={{ display: "grid", gap: "var(--omni-space-1)" }}>
          {f.label}
          <input name={f.name} required={"required" in f} />
        </label>
      ))}
      {error && (
        <p role="alert" style={{ color: "var(--omni-color-danger)" }}>
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create link"}
      </button>
    </form>
  );
}
