"use client";

import { Alert, Button, Field, Select } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../trpc/react";

/**
 * Agency staff open a client's workspace here. Cookies are host-only, so the server
 * mints a one-time handoff URL on the sub-account's host and the browser follows it.
 */
export function SubaccountSwitcher() {
  const trpc = useTRPC();
  const subaccounts = useQuery(trpc.subaccounts.find.queryOptions());
  const handoff = useMutation(
    trpc.auth.createHandoff.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
    }),
  );
  const [selected, setSelected] = useState("");

  if (subaccounts.isPending) return <p className="omnify-muted">Loading sub-accounts…</p>;
  if (subaccounts.isError) return <Alert tone="danger">Could not load sub-accounts.</Alert>;
  const items = subaccounts.data.items;
  if (items.length === 0) return <p className="omnify-muted">No sub-accounts yet.</p>;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected) handoff.mutate({ subaccountId: selected });
  }

  return (
    <form className="omnify-inline-form omnify-inline-form--single" onSubmit={onSubmit}>
      <Field id="subaccount" label="Sub-account" error={handoff.error?.message}>
        <Select
          name="subaccount"
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
          placeholder="Choose a sub-account"
          options={items.map((s) => ({ value: s.id, label: s.name }))}
        />
      </Field>
      <Button type="submit" disabled={!selected} loading={handoff.isPending || handoff.isSuccess}>
        Open
      </Button>
    </form>
  );
}
