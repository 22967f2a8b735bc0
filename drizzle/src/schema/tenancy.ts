import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole, currentTenant, definerReadPolicy } from "../policies/tenant";
import { timestamps } from "./columns";

export const tenantKinds = ["agency", "subaccount"] as const;
export type TenantKind = (typeof tenantKinds)[number];

/**
 * Agencies and their sub-accounts. A tenant sees its own row and its children's rows
 * (an agency lists its sub-accounts); nothing else.
 */
export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: tenantKinds }).notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => tenants.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    themeId: text("theme_id").notNull(),
    plan: text("plan").notNull().default("free"),
    brand: jsonb("brand").$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    unique("tenants_parent_slug_key").on(t.parentId, t.slug).nullsNotDistinct(),
    index("tenants_parent_idx").on(t.parentId),
    check(
      "tenants_kind_parent_check",
      sql`(${t.kind} = 'agency' and ${t.parentId} is null) or (${t.kind} = 'subaccount' and ${t.parentId} is not null)`,
    ),
    check("tenants_slug_check", sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`),
    pgPolicy("tenant_self_or_child", {
      for: "all",
      to: appRole,
      using: sql`${t.id} = ${currentTenant} or ${t.parentId} = ${currentTenant}`,
      withCheck: sql`${t.id} = ${currentTenant} or ${t.parentId} = ${currentTenant}`,
    }),
    definerReadPolicy(),
  ],
).enableRLS();
