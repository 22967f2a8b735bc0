import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Two database boundaries, checked over the repository's source (not tests, not builds):
 *
 * 1. `set_config` (and its spelling `SET [LOCAL] app.…`) appears only in
 *    drizzle/src/client.ts, which checks every value it sets, and in drizzle/migrations/*.sql,
 *    where the SECURITY DEFINER functions that sign a context (app.enter_tenant,
 *    app.request_context) set it after their own checks. Comments are ignored.
 * 2. Every place that opens a database connection other than the app login's `withTenant`
 *    is on the list below, with the reason it may (docs/ARCHITECTURE.md, "Connections outside
 *    withTenant"). A new one fails here until it is listed, so it gets a second look.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const SKIP_DIRS = new Set([
  "node_modules",
  "dist",
  ".next",
  ".turbo",
  ".git",
  ".data",
  ".work",
  "coverage",
  "storybook-static",
  "test",
  "tests",
  "e2e",
]);
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|sql)$/;
const NOT_SOURCE = /\.(test|e2e|spec)\.(ts|tsx)$|\.d\.ts$|\.config\.(ts|js|mjs)$/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) sourceFiles(join(dir, entry.name), out);
    } else if (entry.isFile() && SOURCE.test(entry.name) && !NOT_SOURCE.test(entry.name)) {
      out.push(relative(ROOT, join(dir, entry.name)));
    }
  }
  return out;
}

const files = sourceFiles(ROOT);
const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);

function visit(node: ts.Node, fn: (n: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}
const lineOf = (sf: ts.SourceFile, n: ts.Node) =>
  sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

// ---- 1. set_config -------------------------------------------------------------------------

const SETS_CONFIG = /set_config|\b(re)?set\s+(local\s+|session\s+)?"?app\./i;
const SET_CONFIG_HOMES = (file: string) =>
  file === "drizzle/src/client.ts" || /^drizzle\/migrations\/\d{4}_[\w-]+\.sql$/.test(file);

/** `file:line` of every string, template or name that sets a setting; comments do not count. */
function setConfigUses(file: string): string[] {
  if (file.endsWith(".sql")) {
    return readFileSync(join(ROOT, file), "utf8")
      .split("\n")
      .flatMap((line, i) =>
        SETS_CONFIG.test(line.replace(/--.*$/, "")) ? [`${file}:${i + 1}`] : [],
      );
  }
  const sf = parse(file);
  const hits: string[] = [];
  visit(sf, (n) => {
    const text =
      ts.isStringLiteralLike(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n) ||
      ts.isIdentifier(n)
        ? n.text
        : undefined;
    if (text !== undefined && SETS_CONFIG.test(text)) hits.push(`${file}:${lineOf(sf, n)}`);
  });
  return hits;
}

// ---- 2. connections outside withTenant -----------------------------------------------------

type Kind = "postgres" | "pg-boss" | "admin AppDatabase" | "withoutTenant";

/**
 * Every file that connects other than through `withTenant` on the app login. Two kinds by
 * design: admin connections (migrations, catalog registration, plugin provisioning, pg-boss;
 * never reachable from a request) and `withoutTenant` on the app login, whose transactions see
 * no tenant's rows and exist for the SECURITY DEFINER lookups (`app.*`) and the few tables
 * that are not tenant data (login throttle, webhook ledgers). Plugin logins and test
 * infrastructure are listed too, for completeness.
 */
const ALLOWED: Record<string, { kinds: Kind[]; why: string }> = {
  // The app login itself; withTenant and withoutTenant are defined here.
  "drizzle/src/client.ts": { kinds: ["postgres"], why: "the app login's pool (withTenant)" },
  // Admin connections.
  "drizzle/src/server/migrate.ts": { kinds: ["postgres"], why: "migrations (admin login)" },
  "drizzle/src/server/resolve.ts": {
    kinds: ["postgres"],
    why: "start-up check that DATABASE_URL is reachable and new enough (admin login)",
  },
  "platform/launcher/src/plugins.ts": {
    kinds: ["postgres", "admin AppDatabase"],
    why: "catalog registration and plugin provisioning at start (admin login)",
  },
  "platform/worker/src/worker.ts": { kinds: ["pg-boss"], why: "pg-boss (admin login)" },
  "platform/plugin-runtime/src/start.ts": { kinds: ["pg-boss"], why: "pg-boss (admin login)" },
  "platform/realtime/src/gateway.ts": {
    kinds: ["withoutTenant"],
    why: "reads committed realtime_events by id (app.realtime_events, SECURITY DEFINER, omnify_app only) and prunes old ones: the event row, not the NOTIFY, names the tenant",
  },
  "platform/launcher/src/demo-screens.ts": {
    kinds: ["postgres"],
    why: "npm start: finds the demo agency to seed its screens (admin login)",
  },
  "platform/launcher/src/bench/screens.ts": { kinds: ["postgres"], why: "benchmark set-up" },
  "platform/launcher/src/bench/ingest.ts": { kinds: ["postgres"], why: "benchmark set-up" },
  "platform/launcher/src/bench/rls-read.ts": { kinds: ["postgres"], why: "benchmark set-up" },
  // Plugin logins: their own roles, tenant only through the host-signed app.enter_tenant.
  "drizzle/src/plugins/runtime.ts": {
    kinds: ["postgres"],
    why: "a plugin's runtime login; every transaction enters a host-signed tenant",
  },
  "drizzle/src/plugins/migrate.ts": {
    kinds: ["postgres"],
    why: "a plugin's migration login, confined to its own schema",
  },
  // Test and plugin-development infrastructure (embedded PostgreSQL, throwaway databases).
  "drizzle/src/testing/index.ts": { kinds: ["postgres"], why: "test databases" },
  "drizzle/src/testing/global-setup.ts": { kinds: ["postgres"], why: "test server set-up" },
  "platform/sdk/src/testing/database.ts": { kinds: ["postgres"], why: "plugin test databases" },
  "platform/sdk/src/testing/cluster.ts": { kinds: ["postgres"], why: "plugin test server" },
  "platform/sdk/src/dev/database.ts": { kinds: ["postgres"], why: "plugin dev host database" },
  // withoutTenant: before any tenant is known, or across tenants through definer functions.
  "platform/app/src/server/auth-options.ts": {
    kinds: ["withoutTenant"],
    why: "sign-in: the user's own MFA status (acting as the user, no tenant)",
  },
  "platform/app/src/server/github.ts": {
    kinds: ["withoutTenant"],
    why: "GitHub sign-in: user lookup by e-mail (definer function)",
  },
  "platform/core/src/tenancy/resolve-tenant.ts": {
    kinds: ["withoutTenant"],
    why: "host routing (app.resolve_host)",
  },
  "platform/core/src/auth/throttle/login-throttle.ts": {
    kinds: ["withoutTenant"],
    why: "login_attempts is not tenant data",
  },
  "platform/core/src/auth/authenticate.ts": {
    kinds: ["withoutTenant"],
    why: "sign-in lookup by e-mail (app.user_for_login)",
  },
  "platform/core/src/domains/verify-domain.ts": {
    kinds: ["withoutTenant"],
    why: "which tenants have domains (app.domain_tenant_ids), then each in its tenant",
  },
  "platform/core/src/billing/ingest-webhook.ts": {
    kinds: ["withoutTenant"],
    why: "stripe_events ledger is not tenant data",
  },
  "platform/core/src/billing/process-event.ts": {
    kinds: ["withoutTenant"],
    why: "Stripe customer to tenant (app.billing_tenant_for_customer), then the tenant",
  },
  "platform/core/src/billing/usage/roll-up-all.ts": {
    kinds: ["withoutTenant"],
    why: "the tenant ids to roll up (definer function), then each in its tenant",
  },
  "platform/core/src/api-keys/authenticate-api-key.ts": {
    kinds: ["withoutTenant"],
    why: "API key by public prefix (app.api_key_for_prefix)",
  },
  "platform/core/src/members/expire-stale-invitations.ts": {
    kinds: ["withoutTenant"],
    why: "tenant ids (app.tenant_ids), then each in its tenant",
  },
  "platform/core/src/payments/paystack-webhook.ts": {
    kinds: ["withoutTenant"],
    why: "Paystack webhook ledger and reference to tenant (definer function)",
  },
  "platform/core/src/devices/start-pairing.ts": {
    kinds: ["withoutTenant"],
    why: "pairing codes belong to no tenant yet (definer functions)",
  },
  "platform/core/src/devices/poll-pairing.ts": {
    kinds: ["withoutTenant"],
    why: "a screen polls its code before it has a tenant (definer function)",
  },
  "platform/core/src/devices/authenticate-device.ts": {
    kinds: ["withoutTenant"],
    why: "device token to tenant (definer function)",
  },
  "platform/core/src/plugins/installation-index.ts": {
    kinds: ["withoutTenant"],
    why: "which tenants have which plugins (definer function)",
  },
  "platform/core/src/plugins/drain-events.ts": {
    kinds: ["withoutTenant"],
    why: "outbox events waiting, ids only (definer function)",
  },
  "platform/core/src/plugins/register-version.ts": {
    kinds: ["withoutTenant"],
    why: "the global plugin catalog (on the admin AppDatabase from the launcher)",
  },
  "platform/core/src/rate-limit/anonymous.ts": {
    kinds: ["withoutTenant"],
    why: "anonymous rate limit by key hash (app.consume_anonymous_rate_limit)",
  },
  "platform/worker/src/jobs/dispatch-transfers.handler.ts": {
    kinds: ["withoutTenant"],
    why: "queued export ids (app.queued_export_jobs), then each in its tenant",
  },
  "platform/worker/src/jobs/stripe-webhook-dispatch.handler.ts": {
    kinds: ["withoutTenant"],
    why: "unprocessed stripe_events (ledger, not tenant data)",
  },
  "tenants-config/src/sync/plan.ts": {
    kinds: ["withoutTenant"],
    why: "tenants sync: existing agencies, domains and users by name (definer functions)",
  },
  "platform/worker/src/jobs/plugins/plugin-queues.ts": {
    kinds: ["withoutTenant"],
    why: "the global plugin catalog's versions",
  },
};

/** `createAppDatabase(adminUrl)`, not `createAppDatabase(appUrlFrom(adminUrl, password))`. */
const isAdminUrl = (arg: string) => /admin/i.test(arg) && !arg.startsWith("appUrlFrom(");

/** Which ways of connecting a file uses, judged from its syntax tree. */
function connectionKinds(file: string): Kind[] {
  if (file.endsWith(".sql")) return [];
  const sf = parse(file);
  const found = new Set<Kind>();
  const importsFrom = new Map<string, string>(); // local name -> module
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const clause = st.importClause;
    const from = st.moduleSpecifier.text;
    if (clause?.name) importsFrom.set(clause.name.text, from);
    if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const el of clause.namedBindings.elements) importsFrom.set(el.name.text, from);
    }
  }
  visit(sf, (n) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      if (importsFrom.get(n.expression.text) === "postgres") found.add("postgres");
      if (
        n.expression.text === "createAppDatabase" &&
        isAdminUrl(n.arguments[0]?.getText(sf) ?? "")
      )
        found.add("admin AppDatabase");
    }
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) {
      if (importsFrom.get(n.expression.text) === "pg-boss") found.add("pg-boss");
    }
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === "withoutTenant"
    ) {
      found.add("withoutTenant");
    }
  });
  return [...found].sort();
}

describe("database boundaries in the source", () => {
  it("reads the whole repository (sanity check of the file walk)", () => {
    expect(files).toContain("drizzle/src/client.ts");
    expect(files).toContain("drizzle/migrations/0003_plugin_tenant_context.sql");
    expect(files.some((f) => f.startsWith("platform/app/src/"))).toBe(true);
    expect(files.some((f) => /\/(test|e2e)\/|\.test\.tsx?$/.test(f))).toBe(false);
  });

  it("sets app.* settings only in drizzle/src/client.ts and the migrations' definer functions", () => {
    const outside = files.filter((f) => !SET_CONFIG_HOMES(f)).flatMap(setConfigUses);
    expect(outside).toEqual([]);
    // The check sees what it looks for: the client's own calls are found.
    expect(setConfigUses("drizzle/src/client.ts").length).toBeGreaterThan(0);
  });

  it("connects outside withTenant only where the allow-list says, for the reason it gives", () => {
    const found: Record<string, Kind[]> = {};
    for (const f of files) {
      const kinds = connectionKinds(f);
      if (kinds.length > 0) found[f] = kinds;
    }
    const listed = Object.fromEntries(
      Object.entries(ALLOWED).map(([f, { kinds }]) => [f, [...kinds].sort()]),
    );
    // Unlisted places fail here; so do listed ones that no longer connect (keep the list true).
    expect(found).toEqual(listed);
    for (const { why } of Object.values(ALLOWED)) expect(why.length).toBeGreaterThan(10);
  });
});
