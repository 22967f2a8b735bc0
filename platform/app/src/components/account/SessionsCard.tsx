"use client";

import { Alert, Badge, Button, Card, Table } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";

const when = (d: Date) => d.toLocaleString();

/** The user's signed-in browsers on this host; revoking the current one signs out. */
export function SessionsCard() {
  const trpc = useTRPC();
  const sessions = useQuery(trpc.account.findSessions.queryOptions());
  const revoke = useMutation(trpc.account.revokeSession.mutationOptions());
  const errors = fieldErrors(revoke.error);

  function end(id: string) {
    revoke.mutate(
      { id },
      {
        onSuccess: ({ current }) => {
          if (current) void signOut({ callbackUrl: "/signin" });
          else void sessions.refetch();
        },
      },
    );
  }

  type Row = NonNullable<typeof sessions.data>["sessions"][number];
  return (
    <Card title="Active sessions" headingLevel={2}>
      <div className="omnify-stack">
        {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        <Table<Row>
          caption="Active sessions"
          rows={sessions.data?.sessions ?? []}
          rowKey={(row) => row.id}
          columns={[
            {
              key: "device",
              header: "Device",
              cell: (row) => (
                <span>
                  {row.userAgent ?? "Unknown browser"} {row.current && <Badge>This browser</Badge>}
                </span>
              ),
            },
            { key: "ip", header: "IP address", cell: (row) => row.ip ?? "–" },
            { key: "lastSeenAt", header: "Last active", cell: (row) => when(row.lastSeenAt) },
            {
              key: "revoke",
              header: "",
              cell: (row) => (
                <Button
                  size="sm"
                  variant={row.current ? "ghost" : "secondary"}
                  onClick={() => end(row.id)}
                >
                  {row.current ? "End this session" : "Revoke"}
                </Button>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
