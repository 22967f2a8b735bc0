import { Avatar, Badge, Table } from "@omnify/ui";
import type { ReactNode } from "react";
import { roleLabel } from "../../lib/roles";

type Member = { userId: string; name: string; email: string; role: string; joinedAt: Date };
type Invitation = { id: string; email: string; role: string; expiresAt: Date };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

type MembersTableProps = {
  rows: Member[];
  loading: boolean;
  /** Per-row actions (e.g. Remove) for people allowed to manage members. */
  actions?: (member: Member) => ReactNode;
};

export function MembersTable({ rows, loading, actions }: MembersTableProps) {
  const actionColumn = actions
    ? [{ key: "actions" as const, header: "Actions", cell: (m: Member) => actions(m) }]
    : [];
  return (
    <Table
      caption="Members"
      rows={rows}
      rowKey={(m) => m.userId}
      empty={loading ? "Loading…" : "No members yet."}
      columns={[
        {
          key: "name",
          header: "Name",
          cell: (m) => (
            <span className="omnify-row">
              <Avatar name={m.name} size="sm" />
              {m.name}
            </span>
          ),
        },
        { key: "email", header: "E-mail" },
        { key: "role", header: "Role", cell: (m) => <Badge>{roleLabel(m.role)}</Badge> },
        { key: "joinedAt", header: "Joined", cell: (m) => date.format(m.joinedAt) },
        ...actionColumn,
      ]}
    />
  );
}

export function InvitationsTable({ rows, loading }: { rows: Invitation[]; loading: boolean }) {
  return (
    <Table
      caption="Pending invitations"
      rows={rows}
      rowKey={(i) => i.id}
      empty={loading ? "Loading…" : "No pending invitations."}
      columns={[
        { key: "email", header: "E-mail" },
        {
          key: "role",
          header: "Role",
          cell: (i) => <Badge tone="accent">{roleLabel(i.role)}</Badge>,
        },
        { key: "expiresAt", header: "Expires", cell: (i) => date.format(i.expiresAt) },
      ]}
    />
  );
}
