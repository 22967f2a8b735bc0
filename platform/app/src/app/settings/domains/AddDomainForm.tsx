"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useStepUp } from "../../../components/StepUpDialog";
import { fieldErrors } from "../../../lib/field-errors";
import { useTRPC } from "../../../trpc/react";

/** One hostname; the server validates it and names the field on refusal. Step-up guarded. */
export function AddDomainForm(props: { onAdded: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.domains.create.mutationOptions());
  const errors = fieldErrors(create.error);
  const { guard, dialog } = useStepUp();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const hostname = String(new FormData(form).get("hostname") ?? "");
    guard(() => create.mutateAsync({ hostname })).then(
      () => {
        form.reset();
        props.onAdded();
      },
      () => {},
    );
  }

  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate>
      {dialog}
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <div className="omnify-inline-form">
        <Field id="domain-hostname" label="Domain" error={errors.fields.hostname} required>
          <Input name="hostname" placeholder="portal.example.com" autoComplete="off" />
        </Field>
        <Button type="submit" loading={create.isPending}>
          Add domain
        </Button>
      </div>
    </form>
  );
}
