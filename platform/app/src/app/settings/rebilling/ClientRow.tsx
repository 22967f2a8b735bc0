"use client";

import { Alert, Badge, Button, Field, Input, Select } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../../lib/field-errors";
import { useTRPC } from "../../../trpc/react";
import { money, toCents } from "./format";
import { InvoiceLines } from "./InvoiceLines";

type Client = {
  id: string;
  name: string;
  planId: string | null;
  spendCapCents: number | null;
  detachedAt: Date | null;
  spend: {
    spentCents: number;
    spendCapCents: number | null;
    capReached: boolean;
    currency: string;
  } | null;
};

function Preview({ subaccountId }: { subaccountId: string }) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.rebilling.clientPreview.queryOptions({ subaccountId }));
  if (preview.isPending) return <p className="omnify-muted">Computing the upcoming invoice…</p>;
  if (preview.isError) return <Alert tone="danger">{preview.error.message}</Alert>;
  if (!preview.data) return <p className="omnify-muted">Not on a plan.</p>;
  const p = preview.data;
  return (
    <div className="omnify-stack">
      <p>
        Upcoming invoice {p.periodStart} to {p.periodEnd}:{" "}
        <strong>{money(p.totalCents, p.currency)}</strong>
      </p>
      <InvoiceLines
        currency={p.currency}
        lines={p.lines.map((l) => ({ ...l, eventCount: l.events.length }))}
      />
    </div>
  );
}

/** One client: its plan and cap (editable), spend this month, and its live upcoming invoice. */
export function ClientRow(props: {
  client: Client;
  plans: { id: string; name: string }[];
  onChanged: () => void;
}) {
  const { client } = props;
  const trpc = useTRPC();
  const save = useMutation(trpc.rebilling.setClientBilling.mutationOptions());
  const invoiceNow = useMutation(trpc.rebilling.invoiceNow.mutationOptions());
  const errors = fieldErrors(save.error);
  const [planId, setPlanId] = useState(client.planId ?? "");
  const [cap, setCap] = useState(
    client.spendCapCents === null ? "" : (client.spendCapCents / 100).toFixed(2),
  );
  const [showPreview, setShowPreview] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      {
        subaccountId: client.id,
        planId: planId || null,
        spendCapCents: cap.trim() === "" ? null : toCents(cap),
      },
      { onSuccess: props.onChanged },
    );
  }
  const spend = client.spend;
  return (
    <section
      className="omnify-stack"
      data-testid={`client-${client.name}`}
      aria-label={client.name}
    >
      <h3>
        {client.name} {spend?.capReached && <Badge tone="danger">stopped: cap reached</Badge>}
        {!client.planId && client.detachedAt && <Badge>detached</Badge>}
      </h3>
      {!client.planId && client.detachedAt && (
        <p className="omnify-muted">
          Not rebilled since {client.detachedAt.toISOString().slice(0, 10)}; the days before are
          still invoiced.
        </p>
      )}
      {spend && (
        <p className="omnify-muted">
          {money(spend.spentCents, spend.currency)} metered this month
          {spend.spendCapCents !== null ? ` of ${money(spend.spendCapCents, spend.currency)}` : ""}
        </p>
      )}
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <form className="omnify-inline-form" onSubmit={onSubmit} noValidate>
        <Field id={`plan-${client.id}`} label="Plan" error={errors.fields.planId}>
          <Select
            value={planId}
            onChange={(e) => setPlanId(e.target.value)}
            placeholder="Not rebilled"
            options={props.plans.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Field>
        <Field
          id={`cap-${client.id}`}
          label="Monthly spend cap ($)"
          hint="Empty: no cap"
          error={errors.fields.spendCapCents}
        >
          <Input value={cap} inputMode="decimal" onChange={(e) => setCap(e.target.value)} />
        </Field>
        <Button type="submit" loading={save.isPending}>
          Save
        </Button>
      </form>
      {(client.planId || client.detachedAt) && (
        <div className="omnify-row">
          <Button variant="secondary" size="sm" onClick={() => setShowPreview((v) => !v)}>
            {showPreview ? "Hide upcoming invoice" : "Upcoming invoice"}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            loading={invoiceNow.isPending}
            onClick={() =>
              invoiceNow.mutate({ subaccountId: client.id }, { onSuccess: props.onChanged })
            }
          >
            Invoice last month now
          </Button>
        </div>
      )}
      {invoiceNow.data?.stripeError && <Alert tone="warning">{invoiceNow.data.stripeError}</Alert>}
      {invoiceNow.error && <Alert tone="danger">{invoiceNow.error.message}</Alert>}
      {showPreview && <Preview subaccountId={client.id} />}
    </section>
  );
}
