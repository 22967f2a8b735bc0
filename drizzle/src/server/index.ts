// Server tooling: migrations, the embedded PostgreSQL, database resolution. Kept off the
// package's root entry because it reads files relative to its own location, which web
// bundlers (Turbopack) cannot follow; only Node processes (launcher, CLIs, tests) import it.
export { startEmbeddedPostgres } from "./embedded";
export { freePort } from "./free-port";
export { migrateDatabase, migrationsFolder } from "./migrate";
export { assertReachable, type ResolvedDatabase, resolveDatabase } from "./resolve";
