import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { useState } from "react";
import { s } from "./styles.ts";
import { useAction, useProcedure } from "./use-procedure.ts";

type Creative = {
  id: string;
  name: string;
  screenName: string;
  url: string;
  contentType: string;
  width: number;
  height: number;
  durationMs: number;
  status: string;
  bookings: number;
};

/** The owner reviews creatives booked on their screens; approval puts them on air at once. */
export function Approvals({ call }: { call: PluginCall }) {
  const pending = useProcedure<{ creatives: Creative[] }>(call, "creatives.list", {
    for: "review",
    status: "pending",
  });
  const review = useAction(call, "creatives.review");
  const [notes, setNotes] = useState<Record<string, string>>({});
  const decide = async (id: string, decision: "approve" | "reject") => {
    const note = notes[id]?.trim();
    if (await review.run({ creativeId: id, decision, ...(note ? { note } : {}) })) pending.reload();
  };
  const list = pending.data?.creatives ?? [];
  return (
    <section style={s.page} aria-labelledby="bb-approvals">
      <h2 id="bb-approvals" style={s.h2}>
        Creatives to review
      </h2>
      {review.error && (
        <p role="alert" style={s.error}>
          {review.error}
        </p>
      )}
      {!pending.loading && list.length === 0 && (
        <p style={s.muted}>Nothing waits for your review.</p>
      )}
      <ul style={{ ...s.grid, listStyle: "none", padding: 0, margin: 0 }}>
        {list.map((c) => (
          <li key={c.id} style={s.card} data-testid={`creative-${c.id}`}>
            {c.contentType.startsWith("video/") ? (
              <video src={c.url} muted controls style={{ width: "100%" }} />
            ) : (
              <img src={c.url} alt={c.name} style={{ width: "100%" }} />
            )}
            <strong>{c.name}</strong>
            <span style={s.muted}>
              for {c.screenName} · {c.width}×{c.height} · {(c.durationMs / 1000).toFixed(1)} s ·{" "}
              {c.bookings} booking(s)
            </span>
            <label style={s.label}>
              Note (required to reject)
              <input
                value={notes[c.id] ?? ""}
                onChange={(e) => setNotes((n) => ({ ...n, [c.id]: e.target.value }))}
              />
            </label>
            <div style={s.row}>
              <button
                type="button"
                onClick={() => decide(c.id, "approve")}
                disabled={review.busy}
                data-testid="creative-approve"
              >
                Approve
              </button>
              <button type="button" onClick={() => decide(c.id, "reject")} disabled={review.busy}>
                Reject
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
