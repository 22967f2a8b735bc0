"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../lib/field-errors";
import { useTRPC } from "../trpc/react";

type Props = { token: string; email: string; accountExists: boolean; minPasswordLength: number };

/**
 * New account: name + password. Existing account: its password, proving the e-mail is
 * theirs. Either way the person is then signed in here and sent to the dashboard.
 */
export function AcceptInvitationForm({ token, email, accountExists, minPasswordLength }: Props) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const [signInFailed, setSignInFailed] = useState(false);
  const errors = fieldErrors(accept.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    const name = accountExists ? undefined : String(data.get("name") ?? "");
    setSignInFailed(false);
    try {
      await accept.mutateAsync({ token, password, name });
    } catch {
      return; // shown through accept.error
    }
    const result = await signIn("credentials", { redirect: false, email, password });
    if (result?.ok && !result.error) window.location.assign("/");
    else setSignInFailed(true);
  }

  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate>
      {(errors.form || errors.fields.token) && (
        <Alert tone="danger">{errors.form ?? errors.fields.token}</Alert>
      )}
      {signInFailed && (
        <Alert tone="warning">
          You have joined. <a href="/signin">Sign in</a> to continue.
        </Alert>
      )}
      <Field id="invite-accept-email" label="E-mail">
        <Input name="email" type="email" value={email} readOnly autoComplete="username" />
      </Field>
      {!accountExists && (
        <Field id="name" label="Your name" error={errors.fields.name} required>
          <Input name="name" autoComplete="name" />
        </Field>
      )}
      <Field
        id="password"
        label={accountExists ? "Your password" : "Choose a password"}
        hint={
          accountExists
            ? "You already have an account with this e-mail."
            : `At least ${minPasswordLength} characters.`
        }
        error={errors.fields.password}
        required
      >
        <Input
          name="password"
          type="password"
          autoComplete={accountExists ? "current-password" : "new-password"}
        />
      </Field>
      <Button type="submit" loading={accept.isPending || accept.isSuccess}>
        {accountExists ? "Accept and sign in" : "Create account and join"}
      </Button>
    </form>
  );
}
