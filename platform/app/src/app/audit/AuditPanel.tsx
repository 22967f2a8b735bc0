"use client";

import { Alert, Button, buttonClassName, Card, Field, Input, Table } from "@omnify/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { type AuditFilterParams, filtersFromParams, paramsFor } from "./filters";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });
const FIELDS: Array<{ name: keyof AuditFilterParams; label: string; type?: string }> = [
  { name: "action", label: "Action (e.g. member. or role.*)" },
  { name: "actor", label: "Actor (e-mail or user id)" },
  { name: "targetType", label: "Target type" },
  { name: "targetId", label: "Target id" },
  { name: "from", label: "From", type: "date" },
  { name: "to", label: "To", type: "date" },
];

/** Filters, the newest records first with "Load more", and a CSV export of the same filters. */
export function AuditPanel() {
  const trpc = useTRPC();
  const [applied, setApplied] = useState<AuditFilterParams>({});
  const parsed = filtersFromParams(new URLSearchParams(paramsFor(applied)));
  const input = parsed.ok ? { ...parsed.filters, limit: 50 } : { limit: 50 };
  const log = useInfiniteQuery(
    trpc.audit.find.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setApplied(Object.fromEntries(FIELDS.map((f) => [f.name, String(data.get(f.name) ?? "")])));
  }

  return (
    <div className="omnify-stack">
      <Card headingLevel={2} title="Filter">
        <form className="omnify-inline-form" onSubmit={onSubmit} aria-label="Audit filters">
          {FIELDS.map((f) => (
            <Field key={f.name} id={`audit-${f.name}`} label={f.label}>
              {(props) => <Input {...props} name={f.name} type={f.type ?? "text"} />}
            </Field>
          ))}
          <Button type="submit">Apply</Button>
          <a
            className={buttonClassName({ variant: "secondary" })}
            href={`/audit/export.csv?${paramsFor(applied)}`}
            download
          >
            Export CSV
          </a>
        </form>
        {!parsed.ok && <Alert tone="danger">{parsed.error}</Alert>}
      </Card>
      <Card headingLevel={2} title="Records">
        {log.isError && <Alert tone="danger">{log.error.message}</Alert>}
        <Table
          caption="Audit records"
          rows={rows}
          rowKey={(r) => r.id}
          empty={log.isPending ? "Loading…" : "No records match."}
          columns={[
            { key: "occurredAt", header: "When", cell: (r) => when.format(r.occurredAt) },
            { key: "actorLabel", header: "Actor" },
            { key: "action", header: "Action", cell: (r) => <code>{r.action}</code> },
            {
              key: "target",
              header: "Target",
              cell: (r) => (r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : ""),
            },
            { key: "ip", header: "IP" },
            {
              key: "metadata",
              header: "Details",
              cell: (r) => <code>{JSON.stringify(r.metadata)}</code>,
            },
          ]}
        />
        {log.hasNextPage && (
          <Button
            variant="secondary"
            loading={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            Load more
          </Button>
        )}
      </Card>
    </div>
  );
}
