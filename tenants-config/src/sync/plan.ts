import { randomUUID } from "node:crypto";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@omnify/core/auth/password";
import type { AppDatabase } from "@omnify/db";
import { type ConfigIssue, TenantConfigError } from "../errors";
import type { TenantDefinition } from "../schema";
import { findAgencyId, findDomainOwner, findUserId } from "./context";

export type SyncOptions = {
  /** Password for users this run creates; existing users keep theirs. Omit: no password. */
  demoPassword?: string;
};

/** What sync learned before writing anything: which agencies exist, which users are new. */
export type SyncPlan = {
  agencies: Map<string, { id: string; exists: boolean }>;
  /** Password hash (or null) for each e-mail that had no user when the plan was made. */
  newUserHashes: Map<string, string | null>;
};

function memberEmails(defs: readonly TenantDefinition[]): string[] {
  const emails = defs.flatMap((d) => [
    ...d.members.map((m) => m.email),
    ...d.subaccounts.flatMap((s) => s.members.map((m) => m.email)),
  ]);
  return [...new Set(emails)];
}

/**
 * Reads, never writes: resolves agencies, refuses a custom domain already verified for
 * another agency, and hashes new users' passwords, so every foreseeable failure happens
 * before the first write.
 */
export async function planSync(
  db: AppDatabase,
  defs: readonly TenantDefinition[],
  opts: SyncOptions,
): Promise<SyncPlan> {
  if (opts.demoPassword !== undefined && opts.demoPassword.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`demo password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const { agencies, conflicts, newEmails } = await db.withoutTenant(async (tx) => {
    const agencies = new Map<string, { id: string; exists: boolean }>();
    const conflicts: ConfigIssue[] = [];
    for (const def of defs) {
      const id = await findAgencyId(tx, def.slug);
      agencies.set(def.slug, id ? { id, exists: true } : { id: randomUUID(), exists: false });
      for (const [i, domain] of def.domains.entries()) {
        const owner = await findDomainOwner(tx, domain.hostname);
        if (owner && owner !== def.slug) {
          conflicts.push({
            file: `agency "${def.slug}"`,
            path: `domains[${i}].hostname`,
            message: `"${domain.hostname}" is already verified for agency "${owner}" in the database`,
          });
        }
      }
    }
    const newEmails: string[] = [];
    for (const email of memberEmails(defs)) {
      if (!(await findUserId(tx, email))) newEmails.push(email);
    }
    return { agencies, conflicts, newEmails };
  });
  if (conflicts.length > 0) throw new TenantConfigError(conflicts);

  const newUserHashes = new Map<string, string | null>();
  for (const email of newEmails) {
    const hash = opts.demoPassword ? await hashPassword(opts.demoPassword) : null;
    newUserHashes.set(email, hash);
  }
  return { agencies, newUserHashes };
}
