import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgPolicy,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole, currentUser } from "../policies/tenant";
import { createdAt, timestamptz, updatedAt } from "./columns";
import { users } from "./identity";
import { tenants } from "./tenancy";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * Rows that belong to one global user rather than to a tenant: visible and writable only
 * while the transaction acts as that user (`app.user_id`), whichever tenant it runs in.
 */
function ownUserPolicy(name: string) {
  return pgPolicy(name, {
    for: "all",
    to: appRole,
    using: sql`user_id = ${currentUser}`,
    withCheck: sql`user_id = ${currentUser}`,
  });
}

/**
 * A user's TOTP authenticator. MFA belongs to the person, not to a tenant, so one
 * enrolment covers every portal they sign in to. The secret is AES-256-GCM encrypted under
 * a key derived from OMNIFY_SECRET (bound to the user id); `enabled_at` stays null until a
 * first valid code confirms the enrolment. `last_used_step` is the replay guard: a code
 * whose 30-second step is not later than it is refused.
 */
export const userMfa = pgTable(
  "user_mfa",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    secretCiphertext: text("secret_ciphertext").notNull(),
    secretIv: text("secret_iv").notNull(),
    secretTag: text("secret_tag").notNull(),
    enabledAt: timestamptz("enabled_at"),
    lastUsedStep: bigint("last_used_step", { mode: "number" }),
    createdAt: createdAt(),
  },
  () => [ownUserPolicy("mfa_own_user")],
).enableRLS();

/** Single-use recovery codes; only the SHA-256 of each (80-bit) code is stored. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId), ownUserPolicy("recovery_own_user")],
).enableRLS();

/** Per-tenant security policy; a missing row means the defaults (MFA optional). */
export const tenantSecuritySettings = tenantTable("tenant_security_settings", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  requireMfa: boolean("require_mfa").notNull().default(false),
  updatedAt: updatedAt(),
});

/**
 * Failed sign-in counters for escalating lockout, one row per throttle key: the SHA-256 of
 * `email:<address>` or `ip:<address>`, so the table holds no addresses in clear. Sign-in
 * must count failures before any tenant or user is known, and the counters are not tenant
 * data, so the app role may read and write every row (see docs/DECISIONS.md).
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull().default(0),
    lockedUntil: timestamptz("locked_until"),
    lastFailureAt: timestamptz("last_failure_at").notNull().defaultNow(),
  },
  () => [
    pgPolicy("throttle_app", {
      for: "all",
      to: appRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();

/**
 * Password-reset tokens (SHA-256 stored), issued on one tenant's host so the link, the
 * mail's branding and the sign-in afterwards all stay on that tenant's origin.
 */
export const passwordResetTokens = tenantTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    tenantId: tenantIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.tenantId, t.userId)],
);
