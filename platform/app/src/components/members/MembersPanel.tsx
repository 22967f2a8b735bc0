"use client";

import { Alert, Badge, Card, type SelectOption } from "@omnify/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTRPC } from "../../trpc/react";
import { type TenantEvent, useTenantEvents } from "../../trpc/use-tenant-events";
import { InviteForm } from "./InviteForm";
import { InvitationsTable, MembersTable } from "./MembersTables";
import { RemoveMemberButton } from "./RemoveMemberButton";

const LIVE_EVENTS = new Set(["member.joined", "member.invited", "member.removed"]);
const LIVE_LABEL = { connecting: "Connecting…", live: "Live", offline: "Offline" } as const;

type Props = { canInvite: boolean; roles: SelectOption[] };

/** Members and pending invitations, kept current by the tenant's realtime events. */
export function MembersPanel({ canInvite, roles }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.find.queryOptions());
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.members.find.queryKey() }),
    [queryClient, trpc],
  );
  const [actionError, setActionError] = useState<string | null>(null);
  const live = useTenantEvents((event: TenantEvent) => {
    if (LIVE_EVENTS.has(event.type)) refresh();
  }, refresh);

  return (
    <div className="omnify-stack">
      {canInvite && (
        <Card headingLevel={2} title="Invite a member">
          <InviteForm roles={roles} onInvited={refresh} />
        </Card>
      )}
      <Card
        headingLevel={2}
        title="Members"
        actions={
          <Badge
            tone={live === "live" ? "success" : "neutral"}
            data-testid="live-status"
            data-state={live}
          >
            {LIVE_LABEL[live]}
          </Badge>
        }
      >
        {actionError && <Alert tone="danger">{actionError}</Alert>}
        {members.isError ? (
          <Alert tone="danger">Could not load members.</Alert>
        ) : (
          <MembersTable
            rows={members.data?.members ?? []}
            loading={members.isPending}
            actions={
              canInvite
                ? (m) => (
                    <RemoveMemberButton
                      userId={m.userId}
                      name={m.name}
                      onRemoved={() => {
                        setActionError(null);
                        refresh();
                      }}
                      onError={setActionError}
                    />
                  )
                : undefined
            }
          />
        )}
      </Card>
      <Card headingLevel={2} title="Pending invitations">
        <InvitationsTable rows={members.data?.invitations ?? []} loading={members.isPending} />
      </Card>
    </div>
  );
}
