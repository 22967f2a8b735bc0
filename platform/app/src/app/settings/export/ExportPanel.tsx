"use client";

import { Alert, Badge, Button, Card, Table, type Tone } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useStepUp } from "../../../components/StepUpDialog";
import { useTRPC } from "../../../trpc/react";
import { useTenantEvents } from "../../../trpc/use-tenant-events";

const TONES: Record<string, Tone> = {
  queued: "neutral",
  running: "primary",
  succeeded: "success",
  failed: "danger",
};
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/**
 * Start an export, watch it (and imports) progress, download finished archives. Progress
 * arrives as realtime events; while anything runs the list is also polled, so a missed
 * event (gateway down) only delays the bar.
 */
export function ExportPanel(props: { importForm: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.exports.find.queryKey() });
  const list = useQuery({
    ...trpc.exports.find.queryOptions(),
    refetchInterval: (q) =>
      q.state.data?.items.some((i) => i.status === "queued" || i.status === "running")
        ? 1_500
        : false,
  });
  useTenantEvents((event) => event.type === "export.updated" && refresh(), refresh);
  const create = useMutation(trpc.exports.create.mutationOptions({ onSuccess: refresh }));
  const { guard, dialog } = useStepUp();

  return (
    <div className="omnify-stack">
      {dialog}
      <Card headingLevel={2} title="Export all data">
        <p className="omnify-muted">
          A .tar.gz of every table of this sub-account (JSON Lines), with a manifest of row counts
          and checksums. Sessions, API keys, screens and plugin secrets are left out.
        </p>
        {create.error && <Alert tone="danger">{create.error.message}</Alert>}
        <Button
          loading={create.isPending}
          onClick={() => void guard(() => create.mutateAsync()).catch(() => {})}
        >
          Start export
        </Button>
      </Card>
      <Card headingLevel={2} title="Import into this sub-account">
        {props.importForm}
      </Card>
      <Card headingLevel={2} title="Exports and imports">
        {list.isError && <Alert tone="danger">Could not load exports.</Alert>}
        <Table
          caption="Exports and imports"
          rows={list.data?.items ?? []}
          rowKey={(i) => i.id}
          empty={list.isPending ? "Loading…" : "Nothing exported or imported yet."}
          columns={[
            { key: "kind", header: "Kind" },
            { key: "createdAt", header: "Started", cell: (i) => date.format(i.createdAt) },
            {
              key: "status",
              header: "Status",
              cell: (i) => <Badge tone={TONES[i.status] ?? "neutral"}>{i.status}</Badge>,
            },
            {
              key: "progress",
              header: "Progress",
              cell: (i) => (
                <progress
                  max={100}
                  value={i.progress}
                  aria-label={`${i.kind} progress`}
                  data-testid={`progress-${i.id}`}
                >
                  {i.progress}%
                </progress>
              ),
            },
            { key: "message", header: "", cell: (i) => i.error ?? i.message },
            {
              key: "id",
              header: "",
              cell: (i) =>
                i.kind === "export" && i.status === "succeeded" ? (
                  <a href={`/settings/export/${i.id}/download`} download>
                    Download
                  </a>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}
