import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createAuthSession } from "@omnify/core";
import { appUrlFrom, createAppDatabase } from "@omnify/db";
import { migrateDatabase, startEmbeddedPostgres } from "@omnify/db/server";
import postgres from "postgres";
import { repoRoot } from "../paths";
import { type LoadResult, load, type Target } from "./load";

const TENANTS = 50;
const MEMBERS = 20;
const SECONDS = 8;
const APP_PASSWORD = "omnify-bench-only";
const PATH = "/api/trpc/members.find";

type Row = { variant: string; mode: string; cpu: CpuPerRequest } & LoadResult;

/** CPU milliseconds per request of the server process and of PostgreSQL (all its processes). */
type CpuPerRequest = { server: number; pg: number };

/** utime + stime of a process in ms, from /proc (Linux); 0 if it is gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 (utime, stime) are at 11 and 12 after the ")" that ends the name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The postmaster and its children (backends, walwriter, ...), by their parent pid. */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/**
 * CPU time per request, which other load on the machine barely moves (unlike rps and
 * latency, which it does): the number to compare between two versions of the code.
 */
async function measured(
  serverPid: number,
  dataDir: string,
  seconds: number,
  work: () => Promise<LoadResult>,
): Promise<LoadResult & { cpu: CpuPerRequest }> {
  const pgPids = postgresPids(dataDir);
  const cpu = () => ({
    server: processCpuMs(serverPid),
    pg: pgPids.reduce((sum, pid) => sum + processCpuMs(pid), 0),
  });
  const before = cpu();
  const result = await work();
  const after = cpu();
  // load() reports the mean rate over the run; times its length, that is the request count.
  const requests = Math.max(1, result.rps * seconds);
  return {
    ...result,
    cpu: {
      server: (after.server - before.server) / requests,
      pg: (after.pg - before.pg) / requests,
    },
  };
}

/**
 * A tenant-scoped tRPC read (members.find: session check, role lookup, then the read inside
 * withTenant) under load on loopback, with RLS on, and with RLS off as the baseline measured
 * in the same run. Goals: p95 < 25 ms at >= 1,000 rps on 2 cores; RLS cost <= 1.15x.
 * BENCH_CPU_PROF=1 writes a V8 CPU profile of the server to /tmp/prof/cpu.
 */
export async function benchRlsRead(): Promise<void> {
  const dataDir = join(repoRoot, ".data", "bench", "pg");
  rmSync(join(repoRoot, ".data", "bench"), { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir });
  const admin = postgres(pg.adminUrl, { max: 2, onnotice: () => {} });
  const server = fork(join(import.meta.dirname, "rls-read-server.ts"), {
    env: { ...process.env, BENCH_APP_URL: appUrlFrom(pg.adminUrl, APP_PASSWORD) },
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof/cpu"] : []),
    ],
    stdio: "inherit",
  });
  try {
    await migrateDatabase(pg.adminUrl, APP_PASSWORD);
    const targets = await seed(admin, appUrlFrom(pg.adminUrl, APP_PASSWORD));
    const port = await new Promise<number>((resolve) =>
      server.once("message", (m) => resolve((m as { port: number }).port)),
    );
    const run = (mode: "max" | "1000 rps") =>
      measured(server.pid as number, dataDir, SECONDS, () =>
        load({
          port,
          path: PATH,
          targets,
          seconds: SECONDS,
          connections: mode === "max" ? 32 : 64,
          ...(mode === "1000 rps" ? { overallRate: 1000 } : {}),
        }),
      );
    await load({ port, path: PATH, targets, seconds: 2, connections: 16 }); // warm-up
    const rows: Row[] = [];
    // Alternate on/off twice so drift (caches, autovacuum) hits both variants alike.
    for (const round of [1, 2]) {
      for (const rls of [true, false]) {
        await setRls(admin, rls);
        for (const mode of ["max", "1000 rps"] as const) {
          rows.push({
            variant: `${rls ? "RLS on " : "RLS off"} r${round}`,
            mode,
            ...(await run(mode)),
          });
        }
      }
    }
    report(rows);
  } finally {
    // Let the server close its pool before PostgreSQL goes away.
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    await admin.end();
    await pg.stop();
  }
}

async function seed(admin: postgres.Sql, appUrl: string): Promise<Target[]> {
  const db = createAppDatabase(appUrl, { max: 4 });
  const targets: Target[] = [];
  try {
    for (let t = 0; t < TENANTS; t++) {
      const tenantId = randomUUID();
      const slug = `bench${String(t).padStart(3, "0")}`;
      await admin`insert into tenants (id, kind, slug, name, theme_id) values (${tenantId}, 'agency', ${slug}, ${slug}, 'aurora')`;
      const users = Array.from({ length: MEMBERS }, (_, i) => ({
        id: randomUUID(),
        email: `u${i}@${slug}.bench`,
        name: `User ${i}`,
      }));
      await admin`insert into users ${admin(users)}`;
      await admin`insert into memberships ${admin(
        users.map((u, i) => ({
          tenant_id: tenantId,
          user_id: u.id,
          role: i === 0 ? "agency_owner" : "agency_member",
        })),
      )}`;
      const owner = users[0] as { id: string };
      const { token } = await createAuthSession(db, { tenantId, userId: owner.id });
      targets.push({ host: `${slug}.localhost`, token });
    }
    await admin`analyze`;
    return targets;
  } finally {
    await db.close();
  }
}

async function setRls(admin: postgres.Sql, on: boolean): Promise<void> {
  const tables = await admin<{ relname: string }[]>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'`;
  for (const { relname } of tables) {
    await admin.unsafe(
      on
        ? `alter table "${relname}" enable row level security, force row level security`
        : `alter table "${relname}" no force row level security, disable row level security`,
    );
  }
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

function report(rows: Row[]): void {
  console.log(`\ntRPC ${PATH} — ${TENANTS} tenants × ${MEMBERS} members, loopback, 2 processes`);
  console.log(
    "variant        mode        rps      p50 ms  p95 ms  p99 ms  errors  cpu ms/req: server    pg",
  );
  for (const r of rows) {
    console.log(
      `${r.variant.padEnd(14)} ${r.mode.padEnd(10)} ${fmt(r.rps, 0).padStart(6)} ${fmt(r.p50).padStart(8)} ${fmt(r.p95).padStart(7)} ${fmt(r.p99).padStart(7)} ${String(r.errors).padStart(7)}  ${fmt(r.cpu.server, 2).padStart(18)} ${fmt(r.cpu.pg, 2).padStart(5)}`,
    );
  }
  const best = (rls: boolean, mode: string) => {
    const picked = rows.filter(
      (r) => r.variant.startsWith(rls ? "RLS on" : "RLS off") && r.mode === mode,
    );
    return {
      rps: Math.max(...picked.map((r) => r.rps)),
      p95: Math.min(...picked.map((r) => r.p95)),
    };
  };
  const onMax = best(true, "max");
  const offMax = best(false, "max");
  const onFixed = best(true, "1000 rps");
  const offFixed = best(false, "1000 rps");
  const cpu = (rls: boolean) => {
    const picked = rows.filter((r) => r.variant.startsWith(rls ? "RLS on" : "RLS off"));
    const mean = (f: (r: Row) => number) => picked.reduce((s, r) => s + f(r), 0) / picked.length;
    return { server: mean((r) => r.cpu.server), pg: mean((r) => r.cpu.pg) };
  };
  const onCpu = cpu(true);
  const offCpu = cpu(false);
  const costThroughput = offMax.rps / onMax.rps;
  const costP95 = onFixed.p95 / offFixed.p95;
  console.log("\nratios (RLS on against the RLS-off baseline of this run):");
  console.log(
    `  throughput cost  ${fmt(costThroughput, 2)}×  (goal ≤ 1.15×)  ${costThroughput <= 1.15 ? "met" : "NOT met"}`,
  );
  console.log(
    `  p95 cost @1000   ${fmt(costP95, 2)}×  (goal ≤ 1.15×)  ${costP95 <= 1.15 ? "met" : "NOT met"}`,
  );
  console.log(
    `  p95 @1000 rps    ${fmt(onFixed.p95)} ms = ${fmt(onFixed.p95 / 25, 2)}× the 25 ms goal  ${onFixed.p95 < 25 ? "met" : "NOT met"}`,
  );
  console.log(
    `  cpu per request  RLS on: server ${fmt(onCpu.server, 2)} ms + pg ${fmt(onCpu.pg, 2)} ms = ${fmt(onCpu.server + onCpu.pg, 2)} ms; RLS off: ${fmt(offCpu.server + offCpu.pg, 2)} ms (${fmt((onCpu.server + onCpu.pg) / (offCpu.server + offCpu.pg), 2)}×)`,
  );
  console.log(
    `  max throughput   ${fmt(onMax.rps, 0)} rps = ${fmt(onMax.rps / 1000, 2)}× the 1,000 rps goal  ${onMax.rps >= 1000 ? "met" : "NOT met"}`,
  );
}
