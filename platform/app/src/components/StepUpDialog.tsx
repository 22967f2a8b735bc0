"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { fieldErrors } from "../lib/field-errors";
import { useTRPC } from "../trpc/react";

/** A procedure refused for want of a recent reauthentication (api: STEP_UP_FIELD). */
export function isStepUpError(error: unknown): boolean {
  return (error as { data?: { field?: string | null } } | null)?.data?.field === "stepUp";
}

type DialogProps = { open: boolean; onConfirmed: () => void; onCancel: () => void };

/**
 * Modal asking for the password, or an authenticator/recovery code, before a sensitive
 * action (`account.reauthenticate`). Most callers want `useStepUp()` instead.
 */
export function StepUpDialog({ open, onConfirmed, onCancel }: DialogProps) {
  const trpc = useTRPC();
  const ref = useRef<HTMLDialogElement>(null);
  const [useCode, setUseCode] = useState(false);
  const confirm = useMutation(trpc.account.reauthenticate.mutationOptions());
  const errors = fieldErrors(confirm.error);

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("secret") ?? "");
    confirm.mutate(useCode ? { code: value } : { password: value }, {
      onSuccess: () => {
        confirm.reset();
        onConfirmed();
      },
    });
  }

  return (
    <dialog ref={ref} aria-labelledby="step-up-title" onCancel={onCancel} className="omnify-dialog">
      <form className="omnify-stack" onSubmit={onSubmit} noValidate>
        <h2 id="step-up-title">Confirm it's you</h2>
        <p className="omnify-muted">This action needs a fresh confirmation.</p>
        {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        <Field
          id="step-up-secret"
          label={useCode ? "Authentication code" : "Password"}
          error={errors.fields.code ?? errors.fields.password}
          required
        >
          <Input
            name="secret"
            type={useCode ? "text" : "password"}
            autoComplete={useCode ? "one-time-code" : "current-password"}
          />
        </Field>
        <Button type="submit" loading={confirm.isPending}>
          Confirm
        </Button>
        <Button variant="ghost" type="button" onClick={() => setUseCode(!useCode)}>
          {useCode ? "Use my password instead" : "Use an authenticator code instead"}
        </Button>
        <Button variant="ghost" type="button" onClick={onCancel}>
          Cancel
        </Button>
      </form>
    </dialog>
  );
}

/**
 * `guard(action)` runs a sensitive action; when the server answers "step-up required" it
 * opens the dialog and, once confirmed, runs the action again. Render `dialog` once.
 */
export function useStepUp(): {
  guard: <T>(action: () => Promise<T>) => Promise<T>;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<{ retry: () => void; cancel: () => void } | null>(null);
  const guard = useCallback(<T,>(action: () => Promise<T>): Promise<T> => {
    return action().catch(
      (error: unknown) =>
        new Promise<T>((resolve, reject) => {
          if (!isStepUpError(error)) return reject(error);
          setPending({
            retry: () => action().then(resolve, reject),
            cancel: () => reject(error),
          });
        }),
    );
  }, []);
  const dialog = (
    <StepUpDialog
      open={pending !== null}
      onConfirmed={() => {
        pending?.retry();
        setPending(null);
      }}
      onCancel={() => {
        pending?.cancel();
        setPending(null);
      }}
    />
  );
  return { guard, dialog };
}
