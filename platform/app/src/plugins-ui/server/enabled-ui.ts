import { createCaller } from "@omnify/api";
import { type EnabledUiEntry, enabledUiEntrySchema } from "@omnify/plugin-sdk/ui";
import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import type { CurrentUser } from "../../server/auth";
import { getDeps } from "../../server/deps";
import { sessionTokenFromCookie } from "../../server/session-cookie";

type PluginsCaller = { plugins: { enabledUi(): Promise<unknown> } };

/**
 * The enabled plugins' UI for the signed-in user, once per render: `plugins.enabledUi`
 * through a server-side caller, so the procedure's own access checks apply and the nav,
 * dashboard and plugin page all agree. Parsed against the contract's shape. Until the
 * plugins router exists (NOT_FOUND) there is simply nothing to mount.
 */
export const getEnabledUi = cache(async (current: CurrentUser): Promise<EnabledUiEntry[]> => {
  const deps = getDeps();
  const jar = await cookies();
  const sessionToken = await sessionTokenFromCookie((name) => jar.get(name)?.value);
  const caller = createCaller({
    db: deps.db,
    mailer: deps.mailer,
    config: deps.config,
    tenant: current.tenant,
    sessionToken,
    ip: null,
  }) as unknown as PluginsCaller;
  let raw: unknown;
  try {
    raw = await caller.plugins.enabledUi();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return [];
    throw e;
  }
  return z.array(enabledUiEntrySchema).parse(raw);
});

/** One enabled plugin's entry, or null when it is not enabled for this tenant. */
export async function findEnabledUi(
  current: CurrentUser,
  pluginId: string,
): Promise<EnabledUiEntry | null> {
  return (await getEnabledUi(current)).find((e) => e.pluginId === pluginId) ?? null;
}

/** What slots receive as `tenant`: the workspace, nothing more. */
export const slotTenant = ({ tenant }: CurrentUser) => ({
  id: tenant.id,
  name: tenant.name,
  kind: tenant.kind,
});
