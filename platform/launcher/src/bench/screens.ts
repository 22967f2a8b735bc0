import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { signRealtimeToken } from "@omnify/core";
import { publishTenantEvent } from "@omnify/core/realtime/publish";
import { type AppDatabase, appUrlFrom, createAppDatabase } from "@omnify/db";
import { migrateDatabase, startEmbeddedPostgres } from "@omnify/db/server";
import postgres from "postgres";
import { repoRoot } from "../paths";
import { percentile } from "./load";

const SCREENS = Number(process.env.BENCH_SCREENS ?? 10_000);
const CLIENT_PROCESSES = 4;
const PUSHES = 5;
const APP_PASSWORD = "omnify-bench-only";
const SECRET = "bench-secret-bench-secret";
const EVENT = "plugin.billboards.schedule";

type Message = Record<string, unknown> & { type: string };
type Memory = { rss: number; heapUsed: number };

function next(child: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve) => {
    const on = (m: Message) => {
      if (m.type !== type) return;
      child.off("message", on);
      resolve(m);
    };
    child.on("message", on);
  });
}

const tsx = { execArgv: ["--import", "tsx"], stdio: "inherit" as const };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  return typeof address === "object" && address ? address.port : 0;
}

/** One realtime node made of `processes` gateway processes sharing a port (SO_REUSEPORT). */
async function startGateway(appUrl: string, processes: number) {
  const port = processes > 1 ? await freePort() : undefined;
  const children = Array.from({ length: processes }, () =>
    fork(join(import.meta.dirname, "screens-gateway.ts"), {
      ...tsx,
      execArgv: [...tsx.execArgv, "--expose-gc"],
      env: {
        ...process.env,
        BENCH_APP_URL: appUrl,
        BENCH_SECRET: SECRET,
        ...(port ? { BENCH_PORT: String(port) } : {}),
      },
    }),
  );
  const ready = await Promise.all(children.map((c) => next(c, "ready")));
  const memory = async (): Promise<Memory> => {
    const all = await Promise.all(
      children.map(async (c) => {
        c.send({ type: "memory" });
        return (await next(c, "memory")) as unknown as Memory;
      }),
    );
    return all.reduce((a, m) => ({ rss: a.rss + m.rss, heapUsed: a.heapUsed + m.heapUsed }));
  };
  const close = async () => {
    await Promise.all(
      children.map((c) => {
        const exited = new Promise((r) => c.once("exit", r));
        c.kill("SIGTERM");
        return exited;
      }),
    );
  };
  return {
    url: `http://127.0.0.1:${(ready[0] as unknown as { port: number }).port}`,
    memory,
    close,
  };
}

type Result = {
  label: string;
  connected: number;
  failed: number;
  connectSeconds: number;
  runs: number[][];
  perConnRss: number;
  perConnHeap: number;
};

async function measure(
  label: string,
  db: AppDatabase,
  appUrl: string,
  tenantId: string,
  gatewayProcesses: number,
  screens: number,
): Promise<Result> {
  const gateway = await startGateway(appUrl, gatewayProcesses);
  const clients: ChildProcess[] = [];
  // Each screen is its own subject; tokens are what the device realtime-token route mints.
  const tokens = Array.from({ length: 200 }, () =>
    signRealtimeToken({ tenantId, userId: randomUUID() }, SECRET, 3600),
  );
  try {
    const processes = Math.min(CLIENT_PROCESSES, screens);
    const per = Math.ceil(screens / processes);
    await sleep(500);
    const before = await gateway.memory();
    const t0 = Date.now();
    const started = await Promise.all(
      Array.from({ length: processes }, async (_, i) => {
        const child = fork(join(import.meta.dirname, "screens-clients.ts"), tsx);
        clients.push(child);
        await next(child, "ready");
        child.send({
          type: "start",
          url: gateway.url,
          count: Math.min(per, screens - i * per),
          tokens,
          eventType: EVENT,
        });
        return next(child, "connected");
      }),
    );
    const connectSeconds = (Date.now() - t0) / 1000;
    const connected = started.reduce((n, m) => n + (m.connected as number), 0);
    const failed = started.reduce((n, m) => n + (m.failed as number), 0);
    await sleep(2_000);
    const after = await gateway.memory();
    const runs: number[][] = [];
    for (let i = 0; i < PUSHES; i++) {
      await db.withTenant(tenantId, (tx) => publishTenantEvent(tx, EVENT, { sentAt: Date.now() }));
      await sleep(1_500 + screens / 10);
      const all: number[] = [];
      for (const c of clients) {
        c.send({ type: "collect" });
        all.push(...((await next(c, "latencies")).latencies as number[]));
      }
      runs.push(all.sort((a, b) => a - b));
    }
    return {
      label,
      connected,
      failed,
      connectSeconds,
      runs,
      perConnRss: (after.rss - before.rss) / Math.max(1, connected),
      perConnHeap: (after.heapUsed - before.heapUsed) / Math.max(1, connected),
    };
  } finally {
    for (const c of clients) {
      const exited = new Promise((r) => c.once("exit", r));
      c.send({ type: "close" });
      await exited;
    }
    await gateway.close();
  }
}

function report(r: Result, baselineP50: number) {
  const all = r.runs.flat().sort((a, b) => a - b);
  const p50 = percentile(all, 50);
  const p99 = percentile(all, 99);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(
    `\n${r.label}: ${r.connected} screens connected (${r.failed} failed) in ${r.connectSeconds.toFixed(1)} s`,
  );
  console.log("push   delivered   p50 ms   p99 ms   max ms");
  r.runs.forEach((s, i) => {
    console.log(
      `${String(i + 1).padStart(4)} ${String(s.length).padStart(11)} ${String(percentile(s, 50)).padStart(8)} ${String(percentile(s, 99)).padStart(8)} ${String(s.at(-1) ?? Number.NaN).padStart(8)}`,
    );
  });
  console.log(
    `all pushes: p50 ${p50} ms, p99 ${p99} ms (${(p99 / Math.max(1, baselineP50)).toFixed(0)}x the 1-screen p50); goal p99 < 1000 ms: ${p99 < 1000 ? "met" : "NOT met"}`,
  );
  console.log(
    `gateway memory per connection: ${kb(r.perConnRss)} KB RSS, ${kb(r.perConnHeap)} KB heap; goal < 50 KB: ${r.perConnRss < 50 * 1024 ? "met" : "NOT met"}`,
  );
  const missing = r.connected * PUSHES - all.length;
  if (missing > 0) console.log(`WARNING: ${missing} deliveries did not arrive`);
}

/**
 * 10,000 simulated screens (socket.io clients spread over separate processes) on ONE realtime
 * node; one schedule push — a committed NOTIFY, exactly the production path — reaches them
 * all. Reports p50/p99 delivery and the gateway's memory per connection, for the node as one
 * process and as two processes sharing the port. Baseline, same run: the same push to a
 * single connected screen. Goals: p99 < 1 s, < 50 KB per connection. The load generators
 * share the machine's cores with the gateway, so delivery here is an upper bound.
 */
export async function benchScreens(): Promise<void> {
  const dataDir = join(repoRoot, ".data", "bench", "pg");
  rmSync(join(repoRoot, ".data", "bench"), { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir });
  const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
  let db: AppDatabase | undefined;
  try {
    await migrateDatabase(pg.adminUrl, APP_PASSWORD);
    const appUrl = appUrlFrom(pg.adminUrl, APP_PASSWORD);
    const tenantId = randomUUID();
    await admin`insert into tenants (id, kind, slug, name, theme_id) values (${tenantId}, 'agency', 'screens', 'Screens', 'aurora')`;
    db = createAppDatabase(appUrl, { max: 2 });
    const baseline = await measure("baseline", db, appUrl, tenantId, 1, 1);
    const baselineAll = baseline.runs.flat().sort((a, b) => a - b);
    const baselineP50 = percentile(baselineAll, 50);
    console.log(
      `baseline (1 screen): p50 ${baselineP50} ms, p99 ${percentile(baselineAll, 99)} ms over ${baselineAll.length} pushes`,
    );
    for (const processes of [1, 2]) {
      const label = `one node, ${processes} gateway process${processes > 1 ? "es (SO_REUSEPORT)" : ""}`;
      report(await measure(label, db, appUrl, tenantId, processes, SCREENS), baselineP50);
    }
  } finally {
    await db?.close();
    await admin.end();
    await pg.stop();
  }
}
