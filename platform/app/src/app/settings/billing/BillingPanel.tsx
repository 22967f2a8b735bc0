"use client";

import { Alert, Badge, Button, Card, Table } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { LIMIT_LABELS, money } from "./format";
import { InvoicesTable } from "./InvoicesTable";

const go = (data: { url: string }) => window.location.assign(data.url);

/** Current plan and status, usage against each limit, plans to upgrade to, and invoices. */
export function BillingPanel({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const current = useQuery(trpc.billing.current.queryOptions());
  const plans = useQuery(trpc.billing.plans.queryOptions());
  const checkout = useMutation(trpc.billing.checkout.mutationOptions({ onSuccess: go }));
  const portal = useMutation(trpc.billing.portal.mutationOptions({ onSuccess: go }));
  const c = current.data;
  const currentCents = plans.data?.plans.find((p) => p.id === c?.plan)?.monthlyCents ?? 0;
  const planName = plans.data?.plans.find((p) => p.id === c?.plan)?.name ?? c?.plan;
  const usage = c
    ? Object.entries(c.limits).map(([key, cap]) => ({
        key,
        cap,
        used: c.usage[key as keyof typeof c.usage] ?? 0,
      }))
    : [];

  return (
    <div className="omnify-stack">
      {c?.readOnly && (
        <Alert tone="danger" title="This workspace is read-only">
          A payment is overdue. Update the card in the billing portal to restore access.
        </Alert>
      )}
      {c?.status === "past_due" && !c.readOnly && (
        <Alert tone="warning">
          A payment failed. Update the card soon to avoid a read-only workspace.
        </Alert>
      )}
      {(checkout.error ?? portal.error) && (
        <Alert tone="danger">{(checkout.error ?? portal.error)?.message}</Alert>
      )}
      <Card headingLevel={2} title="Current plan">
        <p data-testid="current-plan">
          <strong>{planName}</strong>{" "}
          <Badge tone={c?.status === "past_due" ? "danger" : "neutral"}>{c?.status ?? "…"}</Badge>
        </p>
        <Table
          caption="Usage against plan limits"
          rows={usage}
          rowKey={(r) => r.key}
          columns={[
            { key: "key", header: "Limit", cell: (r) => LIMIT_LABELS[r.key] ?? r.key },
            { key: "used", header: "Used", align: "end" },
            {
              key: "cap",
              header: "Allowed",
              align: "end",
              cell: (r) => (r.cap === null ? "Unlimited" : r.cap),
            },
          ]}
        />
        {canManage && c && c.status !== "none" && (
          <Button loading={portal.isPending} onClick={() => portal.mutate()}>
            Manage payment and invoices
          </Button>
        )}
      </Card>
      <Card headingLevel={2} title="Plans">
        <div className="omnify-row">
          {plans.data?.plans.map((p) => (
            <div key={p.id} className="omnify-stack" data-testid={`plan-${p.id}`}>
              <strong>{p.name}</strong>
              <span>
                {p.purchasable
                  ? `${money(p.monthlyCents)}/month`
                  : p.id === "free"
                    ? "Free"
                    : "Contact us"}
              </span>
              {canManage && p.purchasable && p.id !== c?.plan && (
                <Button
                  size="sm"
                  loading={checkout.isPending && checkout.variables?.plan === p.id}
                  onClick={() => checkout.mutate({ plan: p.id })}
                >
                  {p.monthlyCents > currentCents ? "Upgrade" : "Switch"} to {p.name}
                </Button>
              )}
            </div>
          ))}
        </div>
      </Card>
      {canManage && <InvoicesTable />}
    </div>
  );
}
