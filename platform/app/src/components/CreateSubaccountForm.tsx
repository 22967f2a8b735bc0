"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../lib/field-errors";
import { useTRPC } from "../trpc/react";

/** Agency admins add a client workspace; past the plan's limit the refusal says how to upgrade. */
export function CreateSubaccountForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.subaccounts.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.subaccounts.pathKey() }),
    }),
  );
  const errors = fieldErrors(create.error);
  const [slugTouched, setSlugTouched] = useState(false);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const suggested = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 63);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      { name, slug: slugTouched ? slug : suggested },
      {
        onSuccess: () => {
          setName("");
          setSlug("");
          setSlugTouched(false);
        },
      },
    );
  }

  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate aria-label="New sub-account">
      {(errors.form ?? errors.fields.subaccounts) && (
        <Alert tone="danger">{errors.form ?? errors.fields.subaccounts}</Alert>
      )}
      {create.isSuccess && <Alert tone="success">{create.data.name} is ready.</Alert>}
      <div className="omnify-inline-form">
        <Field id="subaccount-name" label="Client name" error={errors.fields.name} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Acme Bakery" />
        </Field>
        <Field
          id="subaccount-slug"
          label="Address"
          hint="The first part of the client's portal address"
          error={errors.fields.slug}
          required
        >
          <Input
            value={slugTouched ? slug : suggested}
            onChange={(e) => {
              setSlugTouched(true);
              setSlug(e.target.value);
            }}
            placeholder="acme"
          />
        </Field>
        <Button type="submit" loading={create.isPending}>
          Create sub-account
        </Button>
      </div>
    </form>
  );
}
