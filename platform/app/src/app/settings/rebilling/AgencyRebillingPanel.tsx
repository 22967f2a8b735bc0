"use client";

import { Alert, Badge, Button, Card, Chart, Table } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { ClientRow } from "./ClientRow";
import { money } from "./format";
import { InvoiceLines } from "./InvoiceLines";
import { PlanForm } from "./PlanForm";

/** SaaS mode: the agency's Stripe Connect, its client plans, each client's plan and cap, invoices. */
export function AgencyRebillingPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connect = useQuery(trpc.rebilling.connectStatus.queryOptions());
  const plans = useQuery(trpc.rebilling.plans.queryOptions());
  const clients = useQuery(trpc.rebilling.clients.queryOptions());
  const invoices = useQuery(trpc.rebilling.invoices.queryOptions());
  const startConnect = useMutation(
    trpc.rebilling.startConnect.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
    }),
  );
  const deletePlan = useMutation(trpc.rebilling.deletePlan.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.rebilling.pathKey() });
  const c = connect.data;
  const spendData = (clients.data?.clients ?? [])
    .filter((x) => x.spend)
    .map((x) => ({
      client: x.name,
      spend: (x.spend?.spentCents ?? 0) / 100,
      cap: x.spend?.spendCapCents === null ? 0 : (x.spend?.spendCapCents ?? 0) / 100,
    }));

  return (
    <div className="omnify-stack">
      <Card
        headingLevel={2}
        title="Stripe Connect"
        description="Your clients pay you through your own Stripe account."
      >
        {connect.isError && <Alert tone="danger">{connect.error.message}</Alert>}
        {startConnect.error && <Alert tone="danger">{startConnect.error.message}</Alert>}
        <p data-testid="connect-status">
          {connect.isPending ? (
            <span className="omnify-muted">Checking Stripe…</span>
          ) : c?.chargesEnabled ? (
            <Badge tone="success">Connected: charges enabled</Badge>
          ) : c?.connected ? (
            <Badge tone="warning">Onboarding not finished</Badge>
          ) : (
            <Badge tone="neutral">Not connected</Badge>
          )}
        </p>
        {c && !c.chargesEnabled && (
          <Button loading={startConnect.isPending} onClick={() => startConnect.mutate()}>
            {c?.connected ? "Finish Stripe onboarding" : "Connect Stripe"}
          </Button>
        )}
      </Card>
      <Card headingLevel={2} title="Client plans">
        {deletePlan.error && <Alert tone="danger">{deletePlan.error.message}</Alert>}
        <Table
          caption="Plans you sell to your clients"
          rows={plans.data?.plans ?? []}
          rowKey={(p) => p.id}
          empty="No client plans yet."
          columns={[
            { key: "name", header: "Plan" },
            {
              key: "baseFeeCents",
              header: "Base fee",
              align: "end",
              cell: (p) => `${money(p.baseFeeCents, p.currency)}/month`,
            },
            {
              key: "markupPercent",
              header: "Markup",
              align: "end",
              cell: (p) => `${p.markupPercent}%`,
            },
            {
              key: "meters",
              header: "Metered",
              cell: (p) =>
                p.meters.map((m) => `${m.meter} at $${m.unitPrice}`).join(", ") ||
                "Nothing metered",
            },
            { key: "clients", header: "Clients", align: "end" },
            {
              key: "actions",
              header: "",
              cell: (p) =>
                p.clients === 0 ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => deletePlan.mutate({ planId: p.id }, { onSuccess: refresh })}
                  >
                    Delete
                  </Button>
                ) : null,
            },
          ]}
        />
        <PlanForm onSaved={refresh} />
      </Card>
      <Card
        headingLevel={2}
        title="Clients"
        description="Plan, monthly spend cap and spend so far."
      >
        {clients.isPending && <p className="omnify-muted">Loading clients…</p>}
        {clients.isError && <Alert tone="danger">{clients.error.message}</Alert>}
        {spendData.length > 0 && (
          <Chart
            label="Metered spend this month by client, against each cap"
            xKey="client"
            data={spendData}
            series={[
              { key: "spend", label: "Spend", tone: "primary" },
              { key: "cap", label: "Cap", tone: "muted" },
            ]}
            unit="USD"
            height={10}
          />
        )}
        {clients.data?.clients.length === 0 && (
          <p className="omnify-muted">No sub-accounts yet: create one on the dashboard.</p>
        )}
        {clients.data?.clients.map((client) => (
          <ClientRow
            key={`${client.id}:${client.planId}:${client.spendCapCents}`}
            client={client}
            plans={plans.data?.plans ?? []}
            onChanged={refresh}
          />
        ))}
      </Card>
      <Card headingLevel={2} title="Client invoices">
        {invoices.data?.invoices.length ? (
          invoices.data.invoices.map((inv) => (
            <div
              key={inv.id}
              className="omnify-stack"
              data-testid={`client-invoice-${inv.clientName}-${inv.periodStart.slice(0, 7)}`}
            >
              <p>
                <strong>{inv.clientName}</strong> {inv.periodStart.slice(0, 7)}{" "}
                {money(inv.totalCents, inv.currency)}{" "}
                <Badge tone={inv.status === "draft" ? "warning" : "neutral"}>{inv.status}</Badge>{" "}
                {inv.hostedInvoiceUrl && <a href={inv.hostedInvoiceUrl}>On Stripe</a>}
              </p>
              {inv.stripeError && <Alert tone="warning">{inv.stripeError}</Alert>}
              <InvoiceLines currency={inv.currency} lines={inv.lines} />
            </div>
          ))
        ) : (
          <p className="omnify-muted">
            No client invoices yet. They are created on the 1st for the month before.
          </p>
        )}
      </Card>
    </div>
  );
}
