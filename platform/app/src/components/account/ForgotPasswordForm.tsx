"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";

/** Always answers the same way, whether or not the address has an account here. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const [sent, setSent] = useState(false);
  const errors = fieldErrors(request.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    request.mutate({ email }, { onSuccess: () => setSent(true) });
  }

  if (sent) {
    return (
      <Alert tone="success">
        If that address has an account here, a link to reset the password is on its way. It works
        once, for 30 minutes. <a href="/signin">Back to sign-in</a>
      </Alert>
    );
  }
  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate>
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <Field id="email" label="E-mail" error={errors.fields.email} required>
        <Input name="email" type="email" autoComplete="username" inputMode="email" />
      </Field>
      <Button type="submit" loading={request.isPending}>
        Send reset link
      </Button>
      <a href="/signin">Back to sign-in</a>
    </form>
  );
}
