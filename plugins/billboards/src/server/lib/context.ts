import type { PluginContext, z } from "@omnify/plugin-sdk";
import type config from "../../../plugin.config.ts";

export type Settings = z.output<typeof config.settings>;
/** `ctx` as every handler of this plugin sees it. */
export type Ctx = PluginContext<Settings>;

/** An error the caller sees with a stable `code` (the host passes `code` and `message` on). */
export function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}

export type Member = { userId: string; role: string; canManage: boolean };

/** The signed-in member calling, or a refusal (devices and jobs are not members). */
export function requireMember(ctx: Ctx): Member {
  const c = ctx.caller;
  if (c.kind !== "member") fail("forbidden", "only a signed-in member may call this");
  return { userId: c.userId, role: c.role, canManage: c.canManage };
}

/** A member who may manage the network: approvals, disputes, admin views. */
export function requireManager(ctx: Ctx): Member {
  const m = requireMember(ctx);
  if (!m.canManage) fail("forbidden", "only the workspace's admins may do this");
  return m;
}

/** The paired screen device calling (the `screen.*` procedures). */
export function requireDevice(ctx: Ctx): string {
  const c = ctx.caller;
  if (c.kind !== "device") fail("forbidden", "only a paired screen may call this");
  return c.deviceId;
}

/** Jobs and events only (a member must not trigger payouts or reconciliation by hand). */
export function requireSystem(ctx: Ctx): void {
  if (ctx.caller.kind === "device") fail("forbidden", "a screen may not run this");
}
