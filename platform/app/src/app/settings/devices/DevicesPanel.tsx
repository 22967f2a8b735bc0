"use client";

import { Alert, Badge, Button, Card, Field, Input, Table } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useStepUp } from "../../../components/StepUpDialog";
import { fieldErrors } from "../../../lib/field-errors";
import { useTRPC } from "../../../trpc/react";

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

type Device = {
  id: string;
  name: string;
  paired: boolean;
  lastSeenAt: Date | null;
  lastIp: string | null;
  revokedAt: Date | null;
};

function status(d: Device) {
  if (d.revokedAt) return <Badge tone="danger">Removed</Badge>;
  if (!d.paired) return <Badge>Waiting for the screen</Badge>;
  return <Badge tone="success">Paired</Badge>;
}

/** Pair a screen by the code it shows; list screens with their last contact; remove one. */
export function DevicesPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const devices = useQuery(trpc.devices.find.queryOptions());
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.devices.find.queryKey() });
  const claim = useMutation(trpc.devices.claim.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.devices.revoke.mutationOptions({ onSuccess: refresh }));
  const errors = fieldErrors(claim.error);
  const [paired, setPaired] = useState<string | null>(null);
  // Pairing and removing are sensitive: the server asks for a recent confirmation.
  const { guard, dialog } = useStepUp();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPaired(null);
    const input = { code: String(data.get("code") ?? ""), name: String(data.get("name") ?? "") };
    guard(() => claim.mutateAsync(input)).then(
      (d) => {
        setPaired(d.name);
        form.reset();
      },
      () => {},
    );
  }

  return (
    <div className="omnify-stack">
      {dialog}
      <Card headingLevel={2} title="Pair a screen">
        <form className="omnify-stack" onSubmit={onSubmit} noValidate>
          {paired && <Alert tone="success">{paired} is paired.</Alert>}
          {errors.form && <Alert tone="danger">{errors.form}</Alert>}
          <div className="omnify-inline-form">
            <Field id="device-code" label="Code on the screen" error={errors.fields.code} required>
              <Input name="code" autoComplete="off" />
            </Field>
            <Field id="device-name" label="Screen name" error={errors.fields.name} required>
              <Input name="name" autoComplete="off" />
            </Field>
            <Button type="submit" loading={claim.isPending}>
              Pair
            </Button>
          </div>
        </form>
      </Card>
      <Card headingLevel={2} title="Screens">
        {devices.isError && <Alert tone="danger">Could not load screens.</Alert>}
        {revoke.error && <Alert tone="danger">{revoke.error.message}</Alert>}
        <Table
          caption="Screens"
          rows={devices.data ?? []}
          rowKey={(d) => d.id}
          empty={devices.isPending ? "Loading…" : "No screens yet."}
          columns={[
            { key: "name", header: "Name" },
            { key: "paired", header: "Status", cell: status },
            {
              key: "lastSeenAt",
              header: "Last contact",
              cell: (d) => (d.lastSeenAt ? date.format(d.lastSeenAt) : "Never"),
            },
            { key: "lastIp", header: "Address", cell: (d) => d.lastIp ?? "—" },
            {
              key: "revokedAt",
              header: "",
              cell: (d) =>
                d.revokedAt ? null : (
                  <Button
                    variant="danger"
                    size="sm"
                    aria-label={`Remove ${d.name}`}
                    loading={revoke.isPending && revoke.variables?.id === d.id}
                    onClick={() =>
                      void guard(() => revoke.mutateAsync({ id: d.id })).catch(() => {})
                    }
                  >
                    Remove
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
