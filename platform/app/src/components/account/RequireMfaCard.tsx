"use client";

import { Alert, Button, Card } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";
import { useStepUp } from "../StepUpDialog";

/** Agency owners/admins: require MFA of everyone signing in to the agency and its clients. */
export function RequireMfaCard() {
  const trpc = useTRPC();
  const { guard, dialog } = useStepUp();
  const status = useQuery(trpc.account.mfaStatus.queryOptions());
  const update = useMutation(trpc.account.setRequireMfa.mutationOptions());
  const errors = fieldErrors(update.error);
  const required = status.data?.required ?? false;

  const toggle = () =>
    void guard(() => update.mutateAsync({ requireMfa: !required })).then(
      () => status.refetch(),
      () => undefined,
    );

  return (
    <Card title="Workspace policy" headingLevel={2}>
      <div className="omnify-stack">
        {dialog}
        {(errors.form || errors.fields.requireMfa) && (
          <Alert tone="danger">{errors.fields.requireMfa ?? errors.form}</Alert>
        )}
        <p>
          {required
            ? "Everyone must use two-factor authentication to sign in here."
            : "Two-factor authentication is optional for members."}
        </p>
        <Button variant="secondary" onClick={toggle} loading={update.isPending}>
          {required
            ? "Stop requiring two-factor authentication"
            : "Require two-factor authentication"}
        </Button>
      </div>
    </Card>
  );
}
