"use client";

import { Alert, Badge, Button, Card, Table } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useStepUp } from "../../../components/StepUpDialog";
import { useTRPC } from "../../../trpc/react";
import { CreateApiKeyForm, type NewKey } from "./CreateApiKeyForm";

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** The workspace's keys, a form for a new one, and the new key's one-time display. */
export function ApiKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.find.queryOptions());
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.apiKeys.find.queryKey() });
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [created, setCreated] = useState<NewKey | null>(null);
  // Revoking is sensitive: the server asks for a recent password/TOTP confirmation.
  const { guard, dialog } = useStepUp();

  return (
    <div className="omnify-stack">
      {dialog}
      <Card headingLevel={2} title="Create an API key">
        {created && (
          <Alert tone="success">
            Copy this key now; it will not be shown again:{" "}
            <code data-testid="new-api-key">{created.key}</code>
          </Alert>
        )}
        <CreateApiKeyForm
          modules={keys.data?.modules ?? []}
          onCreated={(key) => {
            setCreated(key);
            refresh();
          }}
        />
      </Card>
      <Card headingLevel={2} title="API keys">
        {keys.isError && <Alert tone="danger">Could not load API keys.</Alert>}
        {revoke.error && <Alert tone="danger">{revoke.error.message}</Alert>}
        <Table
          caption="API keys"
          rows={keys.data?.keys ?? []}
          rowKey={(k) => k.id}
          empty={keys.isPending ? "Loading…" : "No API keys yet."}
          columns={[
            { key: "name", header: "Name" },
            { key: "prefix", header: "Key", cell: (k) => <code>{k.prefix}…</code> },
            { key: "scopes", header: "Scopes", cell: (k) => k.scopes.join(", ") },
            {
              key: "lastUsedAt",
              header: "Last used",
              cell: (k) => (k.lastUsedAt ? date.format(k.lastUsedAt) : "Never"),
            },
            { key: "expiresAt", header: "Expires", cell: (k) => date.format(k.expiresAt) },
            {
              key: "revokedAt",
              header: "",
              cell: (k) =>
                k.revokedAt ? (
                  <Badge tone="danger">Revoked</Badge>
                ) : (
                  <Button
                    variant="danger"
                    size="sm"
                    aria-label={`Revoke ${k.name}`}
                    loading={revoke.isPending && revoke.variables?.id === k.id}
                    onClick={() =>
                      void guard(() => revoke.mutateAsync({ id: k.id })).catch(() => {})
                    }
                  >
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
