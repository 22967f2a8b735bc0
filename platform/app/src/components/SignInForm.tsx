"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

const GENERIC_ERROR = "E-mail or password is incorrect.";

type Props = { callbackUrl: string; githubEnabled: boolean; initialError: string | null };

/** E-mail + password form; on success a full navigation so the server renders signed-in. */
export function SignInForm({ callbackUrl, githubEnabled, initialError }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl,
    }).catch(() => undefined);
    if (!result?.ok || result.error) {
      // Deliberately one message: never reveal whether the e-mail has an account.
      setError(GENERIC_ERROR);
      setPending(false);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <div className="omnify-stack">
      <form className="omnify-stack" onSubmit={onSubmit} noValidate>
        {error && <Alert tone="danger">{error}</Alert>}
        <Field id="email" label="E-mail" required>
          <Input name="email" type="email" autoComplete="username" inputMode="email" />
        </Field>
        <Field id="password" label="Password" required>
          <Input name="password" type="password" autoComplete="current-password" />
        </Field>
        <Button type="submit" loading={pending}>
          Sign in
        </Button>
      </form>
      {githubEnabled && (
        <>
          <p className="omnify-divider">or</p>
          <Button variant="secondary" onClick={() => void signIn("github", { callbackUrl })}>
            Continue with GitHub
          </Button>
        </>
      )}
    </div>
  );
}
