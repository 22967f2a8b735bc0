"use client";

import { Alert, Button, Table } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { roleLabel } from "../../../lib/roles";
import { useTRPC } from "../../../trpc/react";

type Member = {
  userId: string;
  name: string;
  email: string;
  role: Parameters<typeof roleLabel>[0];
  customRoleId: string | null;
  restricted: boolean;
  subaccountIds: string[];
};
type Props = {
  members: Member[];
  roles: Array<{ id: string; name: string }>;
  isAgency: boolean;
  guard: (work: () => Promise<unknown>) => void;
  onChanged: () => void;
};

const MEMBER_LEVEL = new Set(["agency_member", "subaccount_member"]);

/** Per member: custom role, and on the agency, the sub-accounts a restricted member may open. */
export function MemberAccessTable({ members, roles, isAgency, guard, onChanged }: Props) {
  const trpc = useTRPC();
  const subs = useQuery({ ...trpc.subaccounts.find.queryOptions(), enabled: isAgency });
  const assign = useMutation(trpc.roles.assign.mutationOptions({ onSuccess: onChanged }));
  const access = useMutation(trpc.roles.setAccess.mutationOptions({ onSuccess: onChanged }));
  const [draft, setDraft] = useState<Record<string, string[]>>({});
  const error = assign.error ?? access.error;

  const accessCell = (m: Member) => {
    if (!MEMBER_LEVEL.has(m.role) || !isAgency) return "All";
    const chosen = draft[m.userId] ?? m.subaccountIds;
    const save = (restricted: boolean, subaccountIds: string[]) =>
      guard(() => access.mutateAsync({ userId: m.userId, restricted, subaccountIds }));
    return (
      <fieldset aria-label={`Sub-accounts for ${m.email}`}>
        <label>
          <input
            type="checkbox"
            checked={m.restricted}
            onChange={(e) => save(e.target.checked, chosen)}
          />{" "}
          Only assigned sub-accounts
        </label>
        {(subs.data?.items ?? []).map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={chosen.includes(s.id)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  [m.userId]: e.target.checked
                    ? [...chosen, s.id]
                    : chosen.filter((x) => x !== s.id),
                })
              }
            />{" "}
            {s.name}
          </label>
        ))}
        <Button size="sm" variant="secondary" onClick={() => save(m.restricted, chosen)}>
          Save sub-accounts
        </Button>
      </fieldset>
    );
  };

  return (
    <div className="omnify-stack">
      {error && <Alert tone="danger">{error.message}</Alert>}
      <Table
        caption="Member access"
        rows={members}
        rowKey={(m) => m.userId}
        columns={[
          { key: "name", header: "Member", cell: (m) => `${m.name} (${m.email})` },
          { key: "role", header: "Role", cell: (m) => roleLabel(m.role) },
          {
            key: "customRoleId",
            header: "Custom role",
            cell: (m) =>
              MEMBER_LEVEL.has(m.role) ? (
                <select
                  aria-label={`Custom role for ${m.email}`}
                  value={m.customRoleId ?? ""}
                  onChange={(e) =>
                    guard(() =>
                      assign.mutateAsync({
                        userId: m.userId,
                        customRoleId: e.target.value || null,
                      }),
                    )
                  }
                >
                  <option value="">Default permissions</option>
                  {roles.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              ) : (
                "Every permission"
              ),
          },
          { key: "access", header: "Sub-accounts", cell: accessCell },
        ]}
      />
    </div>
  );
}
