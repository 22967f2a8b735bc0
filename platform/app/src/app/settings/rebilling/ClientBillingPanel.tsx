"use client";

import { Alert, Badge, Card, Chart, EmptyState } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { money } from "./format";
import { InvoiceLines } from "./InvoiceLines";

/** What the agency bills this client: spend vs cap, the upcoming invoice, past invoices. */
export function ClientBillingPanel() {
  const trpc = useTRPC();
  const preview = useQuery(trpc.rebilling.preview.queryOptions());
  const invoices = useQuery(trpc.rebilling.invoices.queryOptions());
  if (preview.isPending) return <p className="omnify-muted">Loading…</p>;
  if (preview.isError) return <Alert tone="danger">{preview.error.message}</Alert>;
  const p = preview.data;
  if (!p)
    return (
      <EmptyState
        title="No client plan"
        description="Your agency has not put this workspace on a plan, so there is nothing to bill."
      />
    );
  const { spend } = p;
  return (
    <div className="omnify-stack">
      {spend.capReached && (
        <Alert tone="danger" title="Stopped: spend cap reached">
          This workspace has used {money(spend.spentCents, spend.currency)} of its{" "}
          {money(spend.spendCapCents ?? 0, spend.currency)} monthly cap, so metered features are
          paused. Ask {p.agencyName} to raise it.
        </Alert>
      )}
      <Card headingLevel={2} title="Spend this month" description={`Plan: ${p.planName}`}>
        <p data-testid="client-spend">
          <strong>{money(spend.spentCents, spend.currency)}</strong> metered
          {spend.spendCapCents !== null
            ? ` of a ${money(spend.spendCapCents, spend.currency)} cap`
            : " (no cap)"}{" "}
          {spend.capReached && <Badge tone="danger">stopped: cap reached</Badge>}
        </p>
        <Chart
          label="Metered spend this month against the cap"
          xKey="what"
          data={[{ what: "This month", spend: spend.spentCents / 100 }]}
          series={[{ key: "spend", label: "Spend", tone: spend.capReached ? "danger" : "primary" }]}
          referenceLines={
            spend.spendCapCents !== null
              ? [{ value: spend.spendCapCents / 100, label: "Cap", tone: "danger" }]
              : []
          }
          unit={spend.currency.toUpperCase()}
          height={8}
        />
      </Card>
      <Card
        headingLevel={2}
        title="Upcoming invoice"
        description={`${p.periodStart} to ${p.periodEnd}, so far: ${money(p.totalCents, p.currency)}`}
      >
        <InvoiceLines
          currency={p.currency}
          lines={p.lines.map((l) => ({ ...l, eventCount: l.events.length }))}
        />
      </Card>
      <Card headingLevel={2} title="Invoices">
        {invoices.data?.invoices.length ? (
          invoices.data.invoices.map((inv) => (
            <div key={inv.id} className="omnify-stack">
              <p>
                <strong>{inv.periodStart.slice(0, 7)}</strong> {money(inv.totalCents, inv.currency)}{" "}
                <Badge tone={inv.status === "paid" ? "success" : "neutral"}>{inv.status}</Badge>{" "}
                {inv.hostedInvoiceUrl && <a href={inv.hostedInvoiceUrl}>View and pay</a>}
              </p>
              <InvoiceLines currency={inv.currency} lines={inv.lines} />
            </div>
          ))
        ) : (
          <p className="omnify-muted">No invoices yet.</p>
        )}
      </Card>
    </div>
  );
}
