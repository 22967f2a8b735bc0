"use client";

import type { AppRouter } from "@omnify/api";
import { Alert, Button, Field, Input, Select, type SelectOption } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterInputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";

type Role = inferRouterInputs<AppRouter>["members"]["invite"]["role"];

type Props = { roles: SelectOption[]; onInvited: () => void };

/** E-mail + role; server-side validation errors land beside the field that caused them. */
export function InviteForm({ roles, onInvited }: Props) {
  const trpc = useTRPC();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(trpc.members.invite.mutationOptions());
  const errors = fieldErrors(invite.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    setSentTo(null);
    invite.mutate(
      { email, role: String(data.get("role")) as Role },
      {
        onSuccess: () => {
          setSentTo(email);
          form.reset();
          onInvited();
        },
      },
    );
  }

  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate>
      {sentTo && <Alert tone="success">Invitation sent to {sentTo}.</Alert>}
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <div className="omnify-inline-form">
        <Field id="invite-email" label="E-mail" error={errors.fields.email} required>
          <Input name="email" type="email" autoComplete="off" />
        </Field>
        <Field id="invite-role" label="Role" error={errors.fields.role} required>
          <Select name="role" options={roles} defaultValue={roles.at(-1)?.value} />
        </Field>
        <Button type="submit" loading={invite.isPending}>
          Send invitation
        </Button>
      </div>
    </form>
  );
}
