/**
 * Bundle-time stand-in for `@omnify/db` (wired by `turbopack.resolveAlias` in
 * next.config.ts). The package's root entry also exports its server tooling (embedded
 * PostgreSQL, migrations), which computes paths with `new URL("../../", import.meta.url)`;
 * Turbopack treats those as asset imports of directories and fails the build. The web
 * app needs only the client, schema and query helpers, so bundles get this subset.
 * Type-checking still uses the real package. Drop this once @omnify/db moves its server
 * tooling behind a separate entry point.
 */
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
  sql,
} from "drizzle-orm";
export { createAppDatabase } from "../../../../drizzle/src/client";
export { readDbEnv } from "../../../../drizzle/src/env";
export * from "../../../../drizzle/src/schema";
