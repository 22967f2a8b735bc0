"use client";

import { Alert } from "@omnify/ui";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";

type Props = { token: string; callbackUrl: string };

/** Redeems a handoff token once, then leaves for `callbackUrl`. */
export function HandoffSignIn({ token, callbackUrl }: Props) {
  const [failed, setFailed] = useState(false);
  // Tokens are single-use: Strict Mode's double effect run must not spend it twice.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      setFailed(true);
      return;
    }
    // Drop the token from the address bar and history before anything else happens.
    window.history.replaceState(null, "", "/handoff");
    signIn("handoff", { token, redirect: false, callbackUrl })
      .then((result) => {
        if (result?.ok && !result.error) window.location.replace(callbackUrl);
        else setFailed(true);
      })
      .catch(() => setFailed(true));
  }, [token, callbackUrl]);

  if (failed) {
    return (
      <Alert tone="danger" title="This sign-in link is invalid or has expired">
        <p>
          Links from the agency portal work once and only for a minute.{" "}
          <a href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in here</a>{" "}
          instead.
        </p>
      </Alert>
    );
  }
  return (
    <p role="status" className="omnify-muted">
      Signing you in…
    </p>
  );
}
