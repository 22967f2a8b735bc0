import { createHash, randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { INGEST_BATCH, ingestUsage, type UsageEventInput } from "@omnify/core";
import { type AppDatabase, appUrlFrom, createAppDatabase, usageEvents } from "@omnify/db";
import { migrateDatabase, startEmbeddedPostgres } from "@omnify/db/server";
import postgres from "postgres";
import { repoRoot } from "../paths";

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 500_000);
/** Parallel writers, one tenant each: the goal is stated for 2 cores. */
const WRITERS = 2;
const GOAL = 50_000;
const APP_PASSWORD = "omnify-bench-only";
const PLUGIN = "bench-meter";

type Variant = "ingestUsage" | "plain INSERT";
type Row = { variant: Variant; round: number; events: number; recorded: number; seconds: number };

/**
 * Usage-event ingest with de-duplication: N events (every 20th repeats an earlier key) in
 * ingestUsage batches (validation against the plugin's declared meters, ON CONFLICT DO NOTHING,
 * monthly totals), against the baseline of a plain multi-row INSERT of the same rows (the
 * duplicates removed, since a plain insert cannot absorb them), measured in the same run on
 * fresh tenants. Goal: >= 50,000 events/s sustained on 2 cores.
 */
export async function benchIngest(): Promise<void> {
  const dataDir = join(repoRoot, ".data", "bench-ingest", "pg");
  rmSync(join(repoRoot, ".data", "bench-ingest"), { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir });
  const admin = postgres(pg.adminUrl, { max: 2, onnotice: () => {} });
  const db = createAppDatabase(appUrlFrom(pg.adminUrl, APP_PASSWORD), { max: WRITERS + 2 });
  try {
    await migrateDatabase(pg.adminUrl, APP_PASSWORD);
    await admin`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256)
      values (${PLUGIN}, '1.0.0', ${admin.json({ id: PLUGIN, version: "1.0.0", hostApi: "^1.0.0", name: PLUGIN, capabilities: { meters: [{ name: "clicks", aggregation: "sum" }] } })},
        '', ${createHash("sha256").update("").digest("hex")})`;
    const streams = Array.from({ length: WRITERS }, (_, w) => events(EVENTS / WRITERS, w));
    const rows: Row[] = [];
    // Alternate the variants so drift (autovacuum, cache) hits both alike.
    for (const round of [1, 2]) {
      for (const variant of ["plain INSERT", "ingestUsage"] as const) {
        const tenants = await newTenants(admin, WRITERS);
        const started = performance.now();
        const recorded = await Promise.all(
          streams.map((stream, w) => write(db, variant, tenants[w] as string, stream)),
        );
        const seconds = (performance.now() - started) / 1000;
        rows.push({
          variant,
          round,
          events: streams.reduce((n, s) => n + s.length, 0),
          recorded: recorded.reduce((a, b) => a + b, 0),
          seconds,
        });
        await admin`vacuum analyze usage_events`;
      }
    }
    report(rows);
  } finally {
    await db.close();
    await admin.end();
    await pg.stop();
  }
}

/** One writer's events: unique keys, with 5% of them repeating an earlier key. */
function events(n: number, writer: number): UsageEventInput[] {
  const out: UsageEventInput[] = [];
  const base = Date.now() - 3_600_000;
  for (let i = 0; i < n; i++) {
    // Every 20th event repeats an earlier key: 5% duplicates.
    const dup = i % 20 === 19;
    const keyIndex = dup ? i - 10 : i;
    out.push({
      meter: "clicks",
      source: `plugin:${PLUGIN}`,
      quantity: (i % 5) + 1,
      idempotencyKey: `w${writer}-${keyIndex}`,
      occurredAt: new Date(base + (i % 3_600) * 1_000),
    });
  }
  return out;
}

async function newTenants(admin: postgres.Sql, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const id of ids) {
    const slug = `b${id.slice(0, 8)}`;
    await admin`insert into tenants (id, kind, slug, name, theme_id) values (${id}, 'agency', ${slug}, ${slug}, 'aurora')`;
    await admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities)
      values (${id}, ${PLUGIN}, '1.0.0', '{}')`;
  }
  return ids;
}

async function write(
  db: AppDatabase,
  variant: Variant,
  tenantId: string,
  stream: UsageEventInput[],
): Promise<number> {
  let recorded = 0;
  const seen = new Set<string>();
  for (let i = 0; i < stream.length; i += INGEST_BATCH) {
    const batch = stream.slice(i, i + INGEST_BATCH);
    if (variant === "ingestUsage") {
      recorded += (await db.withTenant(tenantId, (tx) => ingestUsage(tx, batch))).recorded;
      continue;
    }
    const rows = batch
      .filter((e) => !seen.has(e.idempotencyKey) && seen.add(e.idempotencyKey))
      .map((e) => ({
        tenantId,
        meter: e.meter,
        source: e.source,
        quantity: String(e.quantity),
        idempotencyKey: e.idempotencyKey,
        occurredAt: e.occurredAt ?? new Date(),
      }));
    await db.withTenant(tenantId, (tx) => tx.insert(usageEvents).values(rows));
    recorded += rows.length;
  }
  return recorded;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function report(rows: Row[]): void {
  console.log(
    `\nusage ingest — ${fmt(EVENTS)} events (5% duplicate keys), ${WRITERS} writers × batches of ${fmt(INGEST_BATCH)}`,
  );
  console.log("variant        round   events/s   recorded   seconds");
  for (const r of rows)
    console.log(
      `${r.variant.padEnd(14)} ${String(r.round).padStart(5)} ${fmt(r.events / r.seconds).padStart(10)} ${fmt(r.recorded).padStart(10)} ${r.seconds.toFixed(2).padStart(9)}`,
    );
  const best = (v: Variant) =>
    Math.max(...rows.filter((r) => r.variant === v).map((r) => r.events / r.seconds));
  const ingest = best("ingestUsage");
  const plain = best("plain INSERT");
  console.log(
    `\ningestUsage ${fmt(ingest)} events/s; plain INSERT baseline ${fmt(plain)} events/s; ratio ${(ingest / plain).toFixed(2)}x`,
  );
  console.log(`goal >= ${fmt(GOAL)} events/s: ${ingest >= GOAL ? "met" : "NOT met"}`);
}
