"use client";

import { Alert, Button, Card } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../lib/field-errors";
import { useTRPC } from "../../trpc/react";
import { readSettings, type SettingsField, SettingsFields } from "./settings-fields";

export type ConsentEntry = {
  id: string;
  name: string;
  latestVersion: string;
  capabilities: Record<string, unknown>;
  capabilityList: string[];
  settingsForm: SettingsField[];
  installed: { version: string; addedCapabilities: string[] } | null;
};

/**
 * The consent screen: what the plugin may do, in plain words, before it is installed, or
 * before an upgrade that asks for more. Consenting sends exactly the capabilities shown.
 */
export function ConsentCard({ entry, onDone }: { entry: ConsentEntry; onDone: () => void }) {
  const trpc = useTRPC();
  const install = useMutation(trpc.plugins.install.mutationOptions({ onSuccess: onDone }));
  const upgrade = useMutation(trpc.plugins.upgrade.mutationOptions({ onSuccess: onDone }));
  const [agreed, setAgreed] = useState(false);
  const isUpgrade = entry.installed !== null;
  const pending = install.isPending || upgrade.isPending;
  const errors = fieldErrors(install.error ?? upgrade.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const consent = {
      pluginId: entry.id,
      version: entry.latestVersion,
      consentedCapabilities: entry.capabilities,
    };
    if (isUpgrade) upgrade.mutate(consent);
    else
      install.mutate({
        ...consent,
        settings: readSettings(event.currentTarget, entry.settingsForm),
      });
  }

  const added = entry.installed?.addedCapabilities ?? [];
  return (
    <Card
      headingLevel={2}
      title={
        isUpgrade ? `Upgrade ${entry.name} to v${entry.latestVersion}` : `Install ${entry.name}`
      }
      data-testid="consent"
    >
      <form className="omnify-stack" onSubmit={onSubmit} noValidate>
        {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        {errors.fields.consentedCapabilities && (
          <Alert tone="danger">{errors.fields.consentedCapabilities}</Alert>
        )}
        {isUpgrade && added.length > 0 && (
          <Alert tone="warning">
            This version asks for more than you agreed to before: {added.join(", ")}.
          </Alert>
        )}
        <p>{entry.name} will be able to:</p>
        <ul data-testid="capabilities">
          {entry.capabilityList.length === 0 && <li>Nothing beyond showing its own screens.</li>}
          {entry.capabilityList.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {!isUpgrade && (
          <SettingsFields
            fields={entry.settingsForm}
            values={{}}
            errors={errors.fields}
            idPrefix="install"
          />
        )}
        <label>
          <input
            type="checkbox"
            checked={agreed}
            onChange={(e) => setAgreed(e.currentTarget.checked)}
          />{" "}
          I allow {entry.name} to do these things in this workspace
        </label>
        <Button type="submit" disabled={!agreed} loading={pending}>
          {isUpgrade ? "Consent and upgrade" : "Consent and install"}
        </Button>
      </form>
    </Card>
  );
}
