"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";

type Props = { token: string; minLength: number };

/** New password from a reset link; every session of the account ends when it is set. */
export function ResetPasswordForm({ token, minLength }: Props) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const errors = fieldErrors(reset.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    reset.mutate({ token, password });
  }

  if (reset.isSuccess) {
    return (
      <Alert tone="success">
        Your password has been changed and you were signed out everywhere.{" "}
        <a href="/signin">Sign in</a>
      </Alert>
    );
  }
  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate>
      {(errors.form || errors.fields.token) && (
        <Alert tone="danger">
          {errors.fields.token ?? errors.form} <a href="/forgot-password">Ask for a new link</a>
        </Alert>
      )}
      <Field
        id="password"
        label="New password"
        hint={`At least ${minLength} characters`}
        error={errors.fields.password}
        required
      >
        <Input name="password" type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" loading={reset.isPending}>
        Set password
      </Button>
    </form>
  );
}
