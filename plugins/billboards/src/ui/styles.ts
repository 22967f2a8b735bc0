import type { CSSProperties } from "react";

/** Theme tokens only: every tenant's brand applies. */
export const s = {
  page: { display: "grid", gap: "var(--omni-space-6)" },
  stack: { display: "grid", gap: "var(--omni-space-3)" },
  row: { display: "flex", gap: "var(--omni-space-3)", flexWrap: "wrap", alignItems: "end" },
  card: {
    border: "1px solid var(--omni-color-border)",
    borderRadius: "var(--omni-radius-md)",
    padding: "var(--omni-space-4)",
    background: "var(--omni-color-surface, var(--omni-color-background))",
    display: "grid",
    gap: "var(--omni-space-2)",
  },
  grid: {
    display: "grid",
    gap: "var(--omni-space-4)",
    gridTemplateColumns: "repeat(auto-fill, minmax(16rem, 1fr))",
  },
  label: { display: "grid", gap: "var(--omni-space-1)", fontSize: "var(--omni-font-size-sm)" },
  muted: { color: "var(--omni-color-muted-foreground)", fontSize: "var(--omni-font-size-sm)" },
  error: { color: "var(--omni-color-danger)" },
  h2: { margin: 0, fontSize: "var(--omni-font-size-lg)" },
  h3: { margin: 0, fontSize: "var(--omni-font-size-md)" },
  tabs: { display: "flex", gap: "var(--omni-space-2)", flexWrap: "wrap" },
  table: { width: "100%", borderCollapse: "collapse" },
} satisfies Record<string, CSSProperties>;

export const tab = (active: boolean): CSSProperties => ({
  padding: "var(--omni-space-2) var(--omni-space-3)",
  borderRadius: "var(--omni-radius-md)",
  border: "1px solid var(--omni-color-border)",
  background: active ? "var(--omni-color-primary)" : "transparent",
  color: active ? "var(--omni-color-primary-foreground)" : "inherit",
  cursor: "pointer",
});

export const badge = (tone: "ok" | "warn" | "bad" | "plain"): CSSProperties => ({
  display: "inline-block",
  padding: "0 var(--omni-space-2)",
  borderRadius: "var(--omni-radius-sm)",
  fontSize: "var(--omni-font-size-sm)",
  border: "1px solid var(--omni-color-border)",
  color: {
    ok: "var(--omni-color-success, var(--omni-color-primary))",
    warn: "var(--omni-color-warning, var(--omni-color-muted-foreground))",
    bad: "var(--omni-color-danger)",
    plain: "inherit",
  }[tone],
});
