import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  inet,
  pgPolicy,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole, currentTenant, currentUser, definerReadPolicy } from "../policies/tenant";
import { customRoles } from "./access";
import { createdAt, timestamptz } from "./columns";
import { tenantIdColumn, tenantTable } from "./tenant-table";

const citext = customType<{ data: string }>({ dataType: () => "citext" });

export const agencyRoles = ["agency_owner", "agency_admin", "agency_member"] as const;
export const subaccountRoles = ["subaccount_admin", "subaccount_member"] as const;
export const membershipRoles = [...agencyRoles, ...subaccountRoles] as const;
export type MembershipRole = (typeof membershipRoles)[number];
export const invitationStatuses = ["pending", "accepted", "expired", "revoked"] as const;

/**
 * People. A user is global (one person, many tenants), so the row is visible only to the
 * user themself and to tenants the user is a member of. Sign-in reads password hashes
 * through app.user_for_login(), never through this table.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: citext("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    createdAt: createdAt(),
  },
  () => [
    definerReadPolicy(),
    pgPolicy("user_visible", {
      for: "select",
      to: appRole,
      using: sql`id = ${currentUser} or exists (select 1 from memberships m where m.user_id = users.id and m.tenant_id = ${currentTenant})`,
    }),
    // Accepting an invitation creates the account inside the inviting tenant's transaction.
    pgPolicy("user_insert_in_tenant", {
      for: "insert",
      to: appRole,
      withCheck: sql`${currentTenant} is not null and is_platform_admin = false`,
    }),
    pgPolicy("user_update_self", {
      for: "update",
      to: appRole,
      using: sql`id = ${currentUser}`,
      withCheck: sql`id = ${currentUser} and is_platform_admin = false`,
    }),
  ],
).enableRLS();

export const memberships = tenantTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: membershipRoles }).notNull(),
    // An agency-defined role replacing a member role's grants (see schema/access.ts).
    // RESTRICT: deleting a role in use is refused, never silently widens anyone's access.
    customRoleId: uuid("custom_role_id").references(() => customRoles.id, {
      onDelete: "restrict",
    }),
    // Agency memberships only: limits the member to the sub-accounts assigned to them.
    restricted: boolean("restricted").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    unique("memberships_tenant_user_key").on(t.tenantId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = tenantTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    email: citext("email").notNull(),
    role: text("role", { enum: membershipRoles }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    status: text("status", { enum: invitationStatuses }).notNull().default("pending"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamptz("expires_at").notNull(),
    acceptedAt: timestamptz("accepted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_one_pending_key")
      .on(t.tenantId, t.email)
      .where(sql`status = 'pending'`),
    index("invitations_tenant_status_idx").on(t.tenantId, t.status, t.expiresAt),
  ],
);

/**
 * Server-side session records. The next-auth JWT carries only a random session id; the
 * row (keyed by its SHA-256) makes every session listable and revocable.
 */
export const authSessions = tenantTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
    /** Last password or TOTP confirmation (sign-in or step-up); gates sensitive actions. */
    reauthenticatedAt: timestamptz("reauthenticated_at"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.tenantId, t.userId)],
);

/**
 * One-time tokens that carry a signed-in user from one host to another (agency portal to
 * a sub-account subdomain, or to a custom domain), since host-only cookies cannot cross.
 */
export const handoffTokens = tenantTable("handoff_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  tenantId: tenantIdColumn(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamptz("expires_at").notNull(),
  usedAt: timestamptz("used_at"),
});
