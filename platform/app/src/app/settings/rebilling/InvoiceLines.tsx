"use client";

import { Badge, Table } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../../trpc/react";
import { money, when } from "./format";

type TraceEvent = { id: string; source: string; quantity: string; occurredAt: Date };

export type Line = {
  id?: string;
  kind: string;
  description: string;
  amountCents: number;
  eventCount: number;
  eventsChecksum: string | null;
  /** Present for a live preview; a stored invoice's trace is fetched on demand. */
  events?: TraceEvent[];
};

function EventsTable({ events }: { events: TraceEvent[] }) {
  return (
    <Table
      caption="Usage events behind this line"
      rows={events}
      rowKey={(e) => e.id}
      columns={[
        { key: "occurredAt", header: "When (UTC)", cell: (e) => when(e.occurredAt) },
        { key: "source", header: "Source" },
        { key: "quantity", header: "Quantity", align: "end" },
        { key: "id", header: "Event id", cell: (e) => <code>{e.id}</code> },
      ]}
    />
  );
}

function StoredTrace({ lineId }: { lineId: string }) {
  const trpc = useTRPC();
  const trace = useQuery(trpc.rebilling.trace.queryOptions({ lineId }));
  if (trace.isPending) return <p className="omnify-muted">Loading events…</p>;
  if (trace.isError) return <p className="omnify-muted">{trace.error.message}</p>;
  return <EventsTable events={trace.data.events} />;
}

/** An invoice's lines; a usage line opens to the events it was computed from. */
export function InvoiceLines({ lines, currency }: { lines: Line[]; currency: string }) {
  const [open, setOpen] = useState<Record<number, boolean>>({});
  return (
    <ul className="omnify-stack" data-testid="invoice-lines">
      {lines.map((line, i) => (
        <li key={line.id ?? i}>
          <details
            onToggle={(e) => {
              const isOpen = (e.currentTarget as HTMLDetailsElement).open;
              setOpen((o) => ({ ...o, [i]: isOpen }));
            }}
          >
            <summary>
              <strong>{money(line.amountCents, currency)}</strong> {line.description}{" "}
              {line.kind === "usage" && (
                <Badge tone="neutral">
                  {line.eventCount} event{line.eventCount === 1 ? "" : "s"}
                </Badge>
              )}
            </summary>
            {line.kind === "usage" && open[i] && (
              <div className="omnify-stack">
                {line.eventsChecksum && (
                  <p className="omnify-muted">
                    Checksum of the event ids: <code>{line.eventsChecksum.slice(0, 16)}…</code>
                  </p>
                )}
                {line.events ? (
                  <EventsTable events={line.events} />
                ) : line.id ? (
                  <StoredTrace lineId={line.id} />
                ) : null}
              </div>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
