"use client";

import { Alert, Button, Card, Field, Input } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";
import { readSettings, SettingsFields } from "./settings-fields";

/** The installation's settings (validated on the server) and its write-only secrets. */
export function SettingsCard({ pluginId }: { pluginId: string }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.plugins.getSettings.queryOptions({ pluginId }));
  const update = useMutation(trpc.plugins.updateSettings.mutationOptions());
  const setSecret = useMutation(
    trpc.plugins.setSecret.mutationOptions({ onSuccess: () => settings.refetch() }),
  );
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(update.error);
  const form = settings.data?.form ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { pluginId, settings: readSettings(event.currentTarget, form) },
      { onSuccess: () => setSaved(true) },
    );
  }
  function onSecret(event: FormEvent<HTMLFormElement>, name: string) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const value = String(new FormData(formEl).get("value") ?? "");
    setSecret.mutate({ pluginId, name, value }, { onSuccess: () => formEl.reset() });
  }

  if (settings.isError) return <Alert tone="danger">{settings.error.message}</Alert>;
  if (!settings.data) return null;
  return (
    <Card headingLevel={2} title="Settings" data-testid="plugin-settings">
      {form.length > 0 ? (
        <form className="omnify-stack" onSubmit={onSubmit} noValidate>
          {saved && <Alert tone="success">Settings saved.</Alert>}
          {errors.form && <Alert tone="danger">{errors.form}</Alert>}
          <SettingsFields
            fields={form}
            values={settings.data.settings}
            errors={errors.fields}
            idPrefix="settings"
          />
          <Button type="submit" loading={update.isPending}>
            Save settings
          </Button>
        </form>
      ) : (
        <p className="omnify-muted">This plugin has no settings.</p>
      )}
      {setSecret.error && <Alert tone="danger">{setSecret.error.message}</Alert>}
      {settings.data.secrets.map((s) => (
        <form key={s.name} className="omnify-inline-form" onSubmit={(e) => onSecret(e, s.name)}>
          <Field id={`secret-${s.name}`} label={`${s.name} ${s.updatedAt ? "(set)" : "(not set)"}`}>
            <Input name="value" type="password" autoComplete="off" />
          </Field>
          <Button type="submit" variant="secondary" loading={setSecret.isPending}>
            Save {s.name}
          </Button>
        </form>
      ))}
    </Card>
  );
}
