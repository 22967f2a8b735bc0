"use client";

import { Alert, Card } from "@omnify/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { ConsentCard } from "./ConsentCard";
import { SettingsCard } from "./SettingsCard";

/**
 * A plugin's page: consent when installing or upgrading (`plugins.install`: owners and
 * admins), then its settings (`plugins.configure`: also roles granting plugins:write).
 */
export function PluginDetail({
  pluginId,
  canInstall,
  canConfigure,
}: {
  pluginId: string;
  canInstall: boolean;
  canConfigure: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalog = useQuery(trpc.plugins.catalog.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.plugins.pathKey() });

  if (catalog.isError) return <Alert tone="danger">Could not load the plugin.</Alert>;
  if (!catalog.data) return null;
  const entry = catalog.data.find((p) => p.id === pluginId);
  if (!entry) return <Alert tone="warning">No plugin called “{pluginId}”.</Alert>;
  const installed = entry.installed;
  const needsConsent = !installed || installed.upgradeAvailable;
  return (
    <div className="omnify-stack">
      <Card headingLevel={2} title={entry.name} description={entry.description}>
        <p className="omnify-muted">
          {installed ? `Installed: v${installed.version} (${installed.status})` : "Not installed"} ·
          newest v{entry.latestVersion}
        </p>
      </Card>
      {canInstall && needsConsent && entry.compatible && (
        <ConsentCard entry={entry} onDone={refresh} />
      )}
      {canConfigure && installed && <SettingsCard pluginId={pluginId} />}
      {!canInstall && (
        <Card headingLevel={2} title="What it may do">
          <ul>
            {entry.capabilityList.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
