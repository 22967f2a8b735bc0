"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

const GENERIC_ERROR = "E-mail or password is incorrect.";

/**
 * What to tell the person for next-auth's `error`. Deliberately coarse: a wrong password and
 * an unknown account read the same, and a lockout never says which key (account or IP) tripped.
 */
export function signInMessage(error: string): string | null {
  if (error === "mfa_required") return null;
  if (error === "mfa_invalid")
    return "That code is not valid. Try the next one, or a recovery code.";
  const wait = /^throttled:(\d+)$/.exec(error)?.[1];
  if (wait) return `Too many attempts, try again in ${wait} second${wait === "1" ? "" : "s"}.`;
  return GENERIC_ERROR;
}

type Props = { callbackUrl: string; githubEnabled: boolean; initialError: string | null };

/**
 * E-mail + password, then (when the account has MFA) a second step asking for an
 * authenticator or recovery code; on success a full navigation so the server renders
 * signed-in.
 */
export function SignInForm({ callbackUrl, githubEnabled, initialError }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const [account, setAccount] = useState<{ email: string; password: string } | null>(null);

  async function attempt(email: string, password: string, code?: string) {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email,
      password,
      ...(code ? { code } : {}),
      callbackUrl,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    const reason = result?.error ?? "";
    if (reason === "mfa_required" || (reason === "mfa_invalid" && account)) {
      setAccount({ email, password });
    }
    setError(signInMessage(reason));
    setPending(false);
  }

  function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void attempt(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!account) return;
    const form = new FormData(event.currentTarget);
    void attempt(account.email, account.password, String(form.get("code") ?? "").trim());
  }

  if (account) {
    return (
      <form className="omnify-stack" onSubmit={onCode} noValidate>
        {error && <Alert tone="danger">{error}</Alert>}
        <p className="omnify-muted">
          Enter the 6-digit code from your authenticator app, or one of your recovery codes.
        </p>
        <Field id="code" label="Authentication code" required>
          <Input name="code" autoComplete="one-time-code" inputMode="text" autoFocus />
        </Field>
        <Button type="submit" loading={pending}>
          Verify
        </Button>
        <Button variant="ghost" type="button" onClick={() => setAccount(null)}>
          Back
        </Button>
      </form>
    );
  }

  return (
    <div className="omnify-stack">
      <form className="omnify-stack" onSubmit={onPassword} noValidate>
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
        <a href="/forgot-password">Forgot your password?</a>
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
