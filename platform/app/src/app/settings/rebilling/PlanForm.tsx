"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../../lib/field-errors";
import { useTRPC } from "../../../trpc/react";
import { toCents } from "./format";

type MeterRow = { meter: string; unitPrice: string; includedQuantity: string };
const blank: MeterRow = { meter: "", unitPrice: "", includedQuantity: "0" };

/** A new client plan: base fee, markup on metered usage, and a price per meter. */
export function PlanForm({ onSaved }: { onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.rebilling.createPlan.mutationOptions());
  const errors = fieldErrors(create.error);
  const [meters, setMeters] = useState<MeterRow[]>([{ ...blank }]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      {
        name: String(data.get("name") ?? ""),
        baseFeeCents: toCents(String(data.get("baseFee") ?? "0") || "0"),
        markupPercent: String(data.get("markup") ?? "0") || "0",
        meters: meters.filter((m) => m.meter.trim() !== ""),
      },
      {
        onSuccess: () => {
          form.reset();
          setMeters([{ ...blank }]);
          onSaved();
        },
      },
    );
  }
  const set = (i: number, patch: Partial<MeterRow>) =>
    setMeters((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate aria-label="New client plan">
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <div className="omnify-inline-form">
        <Field id="plan-name" label="Plan name" error={errors.fields.name} required>
          <Input name="name" placeholder="Growth" />
        </Field>
        <Field id="plan-base-fee" label="Monthly base fee ($)" error={errors.fields.baseFeeCents}>
          <Input name="baseFee" inputMode="decimal" placeholder="49.00" />
        </Field>
        <Field
          id="plan-markup"
          label="Markup on usage (%)"
          error={errors.fields.markupPercent}
          hint="Added to every metered charge"
        >
          <Input name="markup" inputMode="decimal" placeholder="20" />
        </Field>
      </div>
      {meters.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div className="omnify-inline-form" key={i}>
          <Field id={`meter-${i}`} label="Meter" error={errors.fields[`meters[${i}].meter`]}>
            <Input
              value={m.meter}
              placeholder="utm-links.clicks"
              onChange={(e) => set(i, { meter: e.target.value })}
            />
          </Field>
          <Field
            id={`meter-${i}-price`}
            label="Unit price ($)"
            error={errors.fields[`meters[${i}].unitPrice`]}
          >
            <Input
              value={m.unitPrice}
              inputMode="decimal"
              placeholder="0.05"
              onChange={(e) => set(i, { unitPrice: e.target.value })}
            />
          </Field>
          <Field
            id={`meter-${i}-included`}
            label="Included each month"
            error={errors.fields[`meters[${i}].includedQuantity`]}
          >
            <Input
              value={m.includedQuantity}
              inputMode="decimal"
              onChange={(e) => set(i, { includedQuantity: e.target.value })}
            />
          </Field>
        </div>
      ))}
      <div className="omnify-row">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setMeters((ms) => [...ms, { ...blank }])}
        >
          Add a meter
        </Button>
        <Button type="submit" loading={create.isPending}>
          Create plan
        </Button>
      </div>
    </form>
  );
}
