"use client";

import { Alert, Button, Field, Input, Select } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useStepUp } from "../../../components/StepUpDialog";
import { fieldErrors } from "../../../lib/field-errors";
import { useTRPC } from "../../../trpc/react";

export type NewKey = { id: string; key: string; prefix: string };

const EXPIRY = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

/** Name, expiry and one read/write choice per module; the server validates every scope. */
export function CreateApiKeyForm(props: { modules: string[]; onCreated: (key: NewKey) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const errors = fieldErrors(create.error);
  const { guard, dialog } = useStepUp();
  const [scopes, setScopes] = useState<Set<string>>(new Set(["members:read"]));

  function toggle(scope: string, on: boolean) {
    const next = new Set(scopes);
    if (on) next.add(scope);
    else next.delete(scope);
    setScopes(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      name: String(data.get("name") ?? ""),
      scopes: [...scopes],
      expiresInDays: Number(data.get("expiresInDays")),
    };
    // Failures stay in create.error and show beside their field.
    guard(() => create.mutateAsync(input)).then(
      (created) => {
        form.reset();
        props.onCreated(created);
      },
      () => {},
    );
  }

  return (
    <form className="omnify-stack" onSubmit={onSubmit} noValidate>
      {dialog}
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <div className="omnify-inline-form">
        <Field id="api-key-name" label="Key name" error={errors.fields.name} required>
          <Input name="name" autoComplete="off" />
        </Field>
        <Field id="api-key-expiry" label="Expires in" error={errors.fields.expiresInDays}>
          <Select name="expiresInDays" options={EXPIRY} defaultValue="90" />
        </Field>
      </div>
      <fieldset className="omnify-stack" aria-describedby="api-key-scopes-error">
        <legend>Scopes</legend>
        {props.modules.map((module) => (
          <div key={module} className="omnify-row">
            {(["read", "write"] as const).map((verb) => {
              const scope = `${module}:${verb}`;
              return (
                <label key={scope} className="omnify-row">
                  <input
                    type="checkbox"
                    checked={scopes.has(scope)}
                    onChange={(e) => toggle(scope, e.currentTarget.checked)}
                  />
                  {scope}
                </label>
              );
            })}
          </div>
        ))}
        {errors.fields.scopes && (
          <p id="api-key-scopes-error" role="alert">
            {errors.fields.scopes}
          </p>
        )}
      </fieldset>
      <div>
        <Button type="submit" loading={create.isPending}>
          Create key
        </Button>
      </div>
    </form>
  );
}
