"use client";

import { Alert, Card } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useStepUp } from "../../../components/StepUpDialog";
import { useTRPC } from "../../../trpc/react";
import { MemberAccessTable } from "./MemberAccessTable";
import { RoleEditor } from "./RoleEditor";

type Props = { canDefine: boolean; isAgency: boolean };

/** Custom roles (permission matrix per role) and who holds which role and sub-accounts. */
export function RolesPanel({ canDefine, isAgency }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const found = useQuery(trpc.roles.find.queryOptions());
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.roles.find.queryKey() });
  const create = useMutation(trpc.roles.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.roles.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.roles.delete.mutationOptions({ onSuccess: refresh }));
  // Every change here is a step-up action: the server asks for a fresh password/TOTP.
  const { guard, dialog } = useStepUp();
  const run = (work: () => Promise<unknown>) => void guard(work).catch(() => {});
  const modules = found.data?.modules ?? { core: [], plugins: [] };

  if (found.isError) return <Alert tone="danger">{found.error.message}</Alert>;
  return (
    <div className="omnify-stack">
      {dialog}
      {canDefine && (
        <Card headingLevel={2} title="New role">
          <RoleEditor
            key={`new-${found.data?.roles.length ?? 0}`}
            idPrefix="new"
            modules={modules}
            submitLabel="Create role"
            busy={create.isPending}
            error={create.error}
            onSave={(role) => run(() => create.mutateAsync(role))}
          />
        </Card>
      )}
      {found.data?.roles.map((role) => (
        <Card key={role.id} headingLevel={2} title={role.name}>
          {canDefine ? (
            <RoleEditor
              key={role.updatedAt.toISOString()}
              idPrefix={role.id}
              modules={modules}
              initial={role}
              submitLabel="Save role"
              busy={update.isPending && update.variables?.id === role.id}
              error={
                update.variables?.id === role.id
                  ? update.error
                  : remove.variables?.id === role.id
                    ? remove.error
                    : null
              }
              onSave={(data) => run(() => update.mutateAsync({ id: role.id, data }))}
              onDelete={() => run(() => remove.mutateAsync({ id: role.id }))}
            />
          ) : (
            <p>{role.permissions.join(", ") || "No permissions"}</p>
          )}
        </Card>
      ))}
      <Card headingLevel={2} title="Members">
        <MemberAccessTable
          members={found.data?.members ?? []}
          roles={found.data?.roles ?? []}
          isAgency={isAgency}
          guard={run}
          onChanged={refresh}
        />
      </Card>
    </div>
  );
}
