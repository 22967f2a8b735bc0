"use client";

import { Alert, Badge, Button, Card, Field, Input } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";
import { useStepUp } from "../StepUpDialog";
import { RecoveryCodes } from "./RecoveryCodes";

type Enrolment = { secret: string; uri: string; qrSvg: string };

/** TOTP set-up (QR code + secret, confirmed by a code), recovery codes, turning it off. */
export function MfaCard({ mustEnrol }: { mustEnrol: boolean }) {
  const trpc = useTRPC();
  const { guard, dialog } = useStepUp();
  const status = useQuery(trpc.account.mfaStatus.queryOptions());
  const begin = useMutation(trpc.account.beginMfa.mutationOptions());
  const confirm = useMutation(trpc.account.confirmMfa.mutationOptions());
  const regenerate = useMutation(trpc.account.regenerateRecoveryCodes.mutationOptions());
  const disable = useMutation(trpc.account.disableMfa.mutationOptions());
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const errors = fieldErrors(confirm.error ?? begin.error ?? regenerate.error ?? disable.error);

  const start = () => void guard(() => begin.mutateAsync()).then(setEnrolment, () => undefined);
  const newCodes = () =>
    void guard(() => regenerate.mutateAsync()).then(
      (r) => setCodes(r.recoveryCodes),
      () => undefined,
    );
  const turnOff = () =>
    void guard(() => disable.mutateAsync()).then(
      () => status.refetch(),
      () => undefined,
    );

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    confirm.mutate(
      { code },
      {
        onSuccess: (r) => {
          setEnrolment(null);
          setCodes(r.recoveryCodes);
          void status.refetch();
        },
      },
    );
  }

  const enabled = status.data?.enabled ?? false;
  return (
    <Card title="Two-factor authentication" headingLevel={2}>
      <div className="omnify-stack">
        {dialog}
        {mustEnrol && !enabled && (
          <Alert tone="warning">
            This workspace requires two-factor authentication. Set it up to continue.
          </Alert>
        )}
        {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        <p>
          Status: <Badge>{enabled ? "On" : "Off"}</Badge>
          {enabled && ` · ${status.data?.recoveryCodesLeft ?? 0} recovery codes left`}
        </p>
        {codes && (
          <RecoveryCodes
            codes={codes}
            onDone={() => setCodes(null)}
            continueTo={mustEnrol ? "/" : null}
          />
        )}
        {!enabled && !enrolment && (
          <Button onClick={start} loading={begin.isPending}>
            Set up two-factor authentication
          </Button>
        )}
        {enrolment && (
          <form className="omnify-stack" onSubmit={onConfirm} noValidate>
            <p>Scan this code with an authenticator app, then enter the 6-digit code it shows.</p>
            {/* biome-ignore lint/performance/noImgElement: an inline data: QR code; next/image adds nothing here */}
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
              alt="QR code for your authenticator app"
              width={200}
              height={200}
            />
            <p>
              Or enter this key by hand: <code data-testid="mfa-secret">{enrolment.secret}</code>
            </p>
            <p className="omnify-muted">
              <code data-testid="mfa-uri">{enrolment.uri}</code>
            </p>
            <Field id="mfa-code" label="Code from the app" error={errors.fields.code} required>
              <Input name="code" autoComplete="one-time-code" inputMode="numeric" />
            </Field>
            <Button type="submit" loading={confirm.isPending}>
              Turn on
            </Button>
          </form>
        )}
        {enabled && !codes && (
          <div className="omnify-row">
            <Button variant="secondary" onClick={newCodes} loading={regenerate.isPending}>
              New recovery codes
            </Button>
            {!status.data?.required && (
              <Button variant="danger" onClick={turnOff} loading={disable.isPending}>
                Turn off
              </Button>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
