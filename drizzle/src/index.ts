export {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
export {
  type AppDatabase,
  actAsUser,
  createAppDatabase,
  type Database,
  setTransactionTenant,
  type TenantScope,
  type Tx,
  withinTenant,
} from "./client";
export { readDbEnv } from "./env";
export * from "./plugins";
export * from "./schema";
export { APP_ROLE, appUrlFrom, redactUrl, withDatabase } from "./server/urls";
