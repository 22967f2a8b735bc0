"use client";

import { Alert, Badge, Button, Card, EmptyState, type Tone } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useStepUp } from "../../../components/StepUpDialog";
import { useTRPC } from "../../../trpc/react";
import { AddDomainForm } from "./AddDomainForm";

const TONES: Record<string, Tone> = {
  verified: "success",
  pending: "neutral",
  misconfigured: "danger",
};

/** The agency's custom domains, each with the DNS records to create and its status. */
export function DomainsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const domains = useQuery(trpc.domains.find.queryOptions());
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: trpc.domains.find.queryKey() });
  const verify = useMutation(trpc.domains.verify.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.domains.delete.mutationOptions({ onSuccess: refresh }));
  const { guard, dialog } = useStepUp();
  const items = domains.data?.domains ?? [];

  return (
    <div className="omnify-stack">
      {dialog}
      <Card headingLevel={2} title="Add a custom domain">
        <AddDomainForm onAdded={refresh} />
      </Card>
      {domains.isError && <Alert tone="danger">Could not load domains.</Alert>}
      {(verify.error ?? remove.error) && (
        <Alert tone="danger">{(verify.error ?? remove.error)?.message}</Alert>
      )}
      {items.length === 0 && !domains.isPending && (
        <EmptyState title="No custom domains yet" description="Add one above." />
      )}
      {items.map((d) => (
        <Card key={d.id} headingLevel={2} title={d.hostname}>
          <div className="omnify-stack" data-testid={`domain-${d.hostname}`}>
            <p>
              <Badge tone={TONES[d.status] ?? "neutral"}>{d.status}</Badge>{" "}
              {d.statusReason && <span className="omnify-muted">{d.statusReason}</span>}
            </p>
            <dl className="omnify-stack">
              <dt>TXT record</dt>
              <dd>
                <code>{d.txtName}</code> → <code>{d.txtValue}</code>
              </dd>
              <dt>CNAME (for a subdomain)</dt>
              <dd>
                <code>{d.hostname}</code> → <code>{d.cnameTarget}</code>
              </dd>
            </dl>
            <div className="omnify-row">
              <Button
                size="sm"
                loading={verify.isPending && verify.variables?.id === d.id}
                onClick={() => verify.mutate({ id: d.id })}
              >
                Verify now
              </Button>
              <Button
                size="sm"
                variant="danger"
                aria-label={`Remove ${d.hostname}`}
                loading={remove.isPending && remove.variables?.id === d.id}
                onClick={() => void guard(() => remove.mutateAsync({ id: d.id })).catch(() => {})}
              >
                Remove
              </Button>
            </div>
          </div>
        </Card>
      ))}
    </div>
  );
}
