import { assertNotReadOnly, type BillingAccess } from "@omnify/core";

/**
 * Mutations a read-only workspace (payment overdue past the grace period) still accepts:
 * paying, moving between portals, and looking after one's own account and sign-in. Every
 * other mutation is refused; queries always run. Entries ending in a dot are prefixes.
 */
export const READ_ONLY_ALLOWED: readonly string[] = [
  "billing.",
  "auth.",
  "account.beginMfa",
  "account.confirmMfa",
  "account.disableMfa",
  "account.regenerateRecoveryCodes",
  "account.reauthenticate",
  "account.revokeSession",
  // Taking one's data out is a read, even if it starts a job.
  "exports.create",
  "audit.exportCsv",
];

const allowed = (path: string) =>
  READ_ONLY_ALLOWED.some((entry) =>
    entry.endsWith(".") ? path.startsWith(entry) : path === entry,
  );

/**
 * The write guard of signed-in tRPC procedures: a mutation outside the allow-list in a
 * read-only workspace fails FORBIDDEN with `data.field === "billing"` (a DomainError that
 * mapDomainErrors turns into the tRPC error).
 */
export function assertWritable(
  access: BillingAccess,
  call: { type: "query" | "mutation" | "subscription"; path: string },
): void {
  if (call.type === "mutation" && !allowed(call.path)) assertNotReadOnly(access);
}
