import { and, asc, customRoles, eq, type Tx, withinTenant } from "@omnify/db";
import type { RequestMeta } from "../audit/record";
import { recordAudit } from "../audit/record";
import { badInput, DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { isUniqueViolation } from "../unique-violation";
import { type Actor, assertAuthorized } from "./authorize";
import { parseGrants } from "./grants";

export type CustomRole = { id: string; name: string; permissions: string[]; updatedAt: Date };

/** Who asks, where, and from which request: what every roles change needs for its audit. */
export type RolesContext = { tx: Tx; tenant: ResolvedTenant; actor: Actor; request?: RequestMeta };

const cols = {
  id: customRoles.id,
  name: customRoles.name,
  permissions: customRoles.permissions,
  updatedAt: customRoles.updatedAt,
};

function parseName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (!name) throw badInput("name", "Give the role a name");
  if (name.length > 60) throw badInput("name", "Use at most 60 characters");
  return name;
}

/** A restrict (23001) or foreign-key (23503) violation in drizzle's chain of wrapped errors. */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "23001" || code === "23503") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The agency's custom roles by name; any member with members:read may see them. */
export async function listCustomRoles(ctx: RolesContext): Promise<CustomRole[]> {
  assertAuthorized(ctx.actor, "members.read", { tenant: ctx.tenant });
  // On a sub-account the roles on offer are its agency's.
  const read = () => ctx.tx.select(cols).from(customRoles).orderBy(asc(customRoles.name));
  return ctx.tenant.kind === "agency" ? read() : withinTenant(ctx.tx, ctx.tenant.agency.id, read);
}

async function guarded<T>(ctx: RolesContext, work: () => Promise<T>): Promise<T> {
  assertAuthorized(ctx.actor, "roles.manage", ctx);
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "A role with this name already exists", "name");
    }
    throw error;
  }
}

/** Creates a role from a name and `<module>:read|write` grants, and audits it. */
export function createCustomRole(
  ctx: RolesContext,
  input: { name: string; permissions: readonly string[] },
): Promise<CustomRole> {
  return guarded(ctx, async () => {
    const name = parseName(input.name);
    const permissions = parseGrants(input.permissions);
    const [row] = await ctx.tx
      .insert(customRoles)
      .values({ tenantId: ctx.tenant.id, name, permissions })
      .returning(cols);
    if (!row) throw new Error("custom role insert returned no row");
    await recordAudit(ctx.tx, {
      action: "role.created",
      actor: { userId: ctx.actor.userId },
      target: { type: "custom_role", id: row.id },
      request: ctx.request,
      metadata: { name, permissions },
    });
    return row;
  });
}

/** Renames a role and/or replaces its grants; the audit keeps both versions. */
export function updateCustomRole(
  ctx: RolesContext,
  input: { id: string; data: { name?: string; permissions?: readonly string[] } },
): Promise<CustomRole> {
  return guarded(ctx, async () => {
    const [before] = await ctx.tx
      .select(cols)
      .from(customRoles)
      .where(eq(customRoles.id, input.id))
      .for("update");
    if (!before) throw new DomainError("NOT_FOUND", "No such role", "id");
    const name = input.data.name === undefined ? before.name : parseName(input.data.name);
    const permissions =
      input.data.permissions === undefined
        ? before.permissions
        : parseGrants(input.data.permissions);
    const [row] = await ctx.tx
      .update(customRoles)
      .set({ name, permissions, updatedAt: new Date() })
      .where(and(eq(customRoles.id, input.id), eq(customRoles.tenantId, ctx.tenant.id)))
      .returning(cols);
    if (!row) throw new DomainError("NOT_FOUND", "No such role", "id");
    await recordAudit(ctx.tx, {
      action: "role.updated",
      actor: { userId: ctx.actor.userId },
      target: { type: "custom_role", id: row.id },
      request: ctx.request,
      metadata: {
        before: { name: before.name, permissions: before.permissions },
        after: { name, permissions },
      },
    });
    return row;
  });
}

/** Deletes a role nobody holds; one still assigned (here or in a sub-account) is refused. */
export function deleteCustomRole(
  ctx: RolesContext,
  input: { id: string },
): Promise<{ id: string }> {
  return guarded(ctx, async () => {
    try {
      const [row] = await ctx.tx
        .delete(customRoles)
        .where(eq(customRoles.id, input.id))
        .returning({ id: customRoles.id, name: customRoles.name });
      if (!row) throw new DomainError("NOT_FOUND", "No such role", "id");
      await recordAudit(ctx.tx, {
        action: "role.deleted",
        actor: { userId: ctx.actor.userId },
        target: { type: "custom_role", id: row.id },
        request: ctx.request,
        metadata: { name: row.name },
      });
      return { id: row.id };
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new DomainError(
          "CONFLICT",
          "Members still hold this role: reassign them first",
          "id",
        );
      }
      throw error;
    }
  });
}
