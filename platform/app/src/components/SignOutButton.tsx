"use client";

import { Button } from "@omnify/ui";
import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends the session server-side too: next-auth's signOut event revokes the session row. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/signin" });
      }}
    >
      Sign out
    </Button>
  );
}
