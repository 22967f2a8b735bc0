"use client";

import { Alert, Card, Table } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { money } from "./format";

/** Stripe's latest invoices; proration lines from a mid-cycle change are listed under each. */
export function InvoicesTable() {
  const trpc = useTRPC();
  const invoices = useQuery(trpc.billing.invoices.queryOptions());
  const rows = invoices.data?.invoices ?? [];
  return (
    <Card headingLevel={2} title="Invoices">
      {invoices.isError && <Alert tone="danger">{invoices.error.message}</Alert>}
      <Table
        caption="Invoices"
        rows={rows}
        rowKey={(r) => r.id}
        empty="No invoices yet."
        columns={[
          { key: "createdAt", header: "Date", cell: (r) => r.createdAt.toLocaleDateString() },
          { key: "status", header: "Status" },
          {
            key: "lines",
            header: "Lines",
            cell: (r) => (
              <ul>
                {r.lines.map((l, i) => (
                  // Lines have no stable id in the summary; their order is Stripe's.
                  // biome-ignore lint/suspicious/noArrayIndexKey: order is fixed per invoice
                  <li key={i}>
                    {l.description}: {money(l.amountCents, r.currency)}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: "totalCents",
            header: "Total",
            align: "end",
            cell: (r) => money(r.totalCents, r.currency),
          },
          { key: "url", header: "", cell: (r) => (r.url ? <a href={r.url}>View</a> : null) },
        ]}
      />
    </Card>
  );
}
