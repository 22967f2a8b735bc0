"use client";

import { Alert, Badge, Button, Card, EmptyState } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../../trpc/react";

const STATUS_TONE = { enabled: "success", disabled: "warning", uninstalled: "neutral" } as const;

/** Every plugin's newest version, with install / enable / disable / upgrade / uninstall. */
export function PluginCatalog({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalog = useQuery(trpc.plugins.catalog.queryOptions());
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.plugins.catalog.queryKey() });
  const enable = useMutation(trpc.plugins.enable.mutationOptions({ onSuccess: refresh }));
  const disable = useMutation(trpc.plugins.disable.mutationOptions({ onSuccess: refresh }));
  const uninstall = useMutation(trpc.plugins.uninstall.mutationOptions({ onSuccess: refresh }));
  const failure = enable.error ?? disable.error ?? uninstall.error;

  if (catalog.isError) return <Alert tone="danger">Could not load the plugin catalog.</Alert>;
  if (catalog.data?.length === 0) return <EmptyState title="No plugins are available yet" />;
  return (
    <div className="omnify-stack" data-testid="plugin-catalog">
      {failure && <Alert tone="danger">{failure.message}</Alert>}
      {(catalog.data ?? []).map((p) => {
        const installed = p.installed;
        return (
          <Card
            key={p.id}
            headingLevel={2}
            title={p.name}
            description={`${p.description} · v${p.latestVersion}`}
            data-plugin={p.id}
            actions={
              installed ? (
                <Badge tone={STATUS_TONE[installed.status]}>
                  {installed.status} · v{installed.version}
                </Badge>
              ) : (
                <Badge>Not installed</Badge>
              )
            }
          >
            <div className="omnify-inline-form">
              <Link href={`/plugins/${p.id}`}>{installed ? "Settings" : "Details"}</Link>
              {canManage && !installed && p.compatible && (
                <Link href={`/plugins/${p.id}`} data-testid="install">
                  Review and install
                </Link>
              )}
              {canManage && installed?.upgradeAvailable && (
                <Link href={`/plugins/${p.id}`} data-testid="upgrade">
                  Review upgrade to v{p.latestVersion}
                </Link>
              )}
              {canManage && installed?.status === "disabled" && (
                <Button size="sm" onClick={() => enable.mutate({ pluginId: p.id })}>
                  Enable
                </Button>
              )}
              {canManage && installed?.status === "enabled" && (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => disable.mutate({ pluginId: p.id })}
                >
                  Disable
                </Button>
              )}
              {canManage && installed && (
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => uninstall.mutate({ pluginId: p.id })}
                >
                  Uninstall
                </Button>
              )}
            </div>
            {!p.compatible && <p className="omnify-muted">Needs a newer platform version.</p>}
          </Card>
        );
      })}
    </div>
  );
}
