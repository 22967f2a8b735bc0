"use client";

import { Alert, Button, Field } from "@omnify/ui";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useStepUp } from "../../../components/StepUpDialog";
import { useTRPC } from "../../../trpc/react";

type Failure = { message: string; field: string | null; data: { field: string | null } };

/** Posts the file to the upload route; its errors look like tRPC's, so step-up works. */
async function upload(file: File | null): Promise<void> {
  const body = new FormData();
  if (file) body.set("archive", file);
  const res = await fetch("/settings/export/import", {
    method: "POST",
    body,
    headers: { "x-omnify-csrf": "1" },
  });
  if (res.ok) return;
  const json = (await res.json().catch(() => null)) as { error?: Failure } | null;
  throw json?.error ?? { message: `Upload failed (${res.status})`, field: null, data: {} };
}

/** Imports an export archive into this sub-account, which must still be empty. */
export function ImportForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { guard, dialog } = useStepUp();
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = new FormData(form).get("archive");
    setBusy(true);
    setError(null);
    guard(() => upload(file instanceof File && file.size > 0 ? file : null))
      .then(
        () => {
          form.reset();
          void queryClient.invalidateQueries({ queryKey: trpc.exports.find.queryKey() });
        },
        (e: Failure) => setError(e),
      )
      .finally(() => setBusy(false));
  }

  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate>
      {dialog}
      <p className="omnify-muted">
        Only into a fresh sub-account: the import refuses one that already has data, and writes
        everything or nothing.
      </p>
      {error && !error.field && <Alert tone="danger">{error.message}</Alert>}
      <Field
        id="import-archive"
        label="Export archive (.tar.gz)"
        error={error?.field ? error.message : undefined}
      >
        <input name="archive" type="file" accept=".tar.gz,.tgz,application/gzip" />
      </Field>
      <Button type="submit" loading={busy}>
        Import
      </Button>
    </form>
  );
}
