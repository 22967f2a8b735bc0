import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requestExport } from "@omnify/core/export/requests";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type LoopbackDns, startLoopbackDns } from "../../core/test/domains/loopback-dns";
import { setupWorld } from "../../core/test/helpers";
import { listenForTransfers } from "../src/jobs/transfer-listener";
import { verifyDomainsJob } from "../src/jobs/verify-domains";
import { runJobNow } from "../src/run-job";
import { createWorker, type Worker } from "../src/worker";

const s = setupWorld();
let worker: Worker;
let dns: LoopbackDns;
let exportDir: string;
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeAll(async () => {
  dns = await startLoopbackDns();
  exportDir = await mkdtemp(join(tmpdir(), "omnify-worker-export-"));
  // The jobs read these through readTransferEnv(), as they would in the worker process.
  vi.stubEnv("OMNIFY_DNS_SERVERS", dns.servers.join(","));
  vi.stubEnv("OMNIFY_EXPORT_DIR", exportDir);
  vi.stubEnv("PLATFORM_HOST", "omnify.test");
  worker = createWorker({
    adminUrl: s.t.adminUrl,
    db: s.t.app,
    log,
    pollingIntervalSeconds: 0.5,
    schedule: false,
  });
  await worker.start();
  await listenForTransfers(worker.boss, s.t.app, log);
});
afterAll(async () => {
  await worker?.stop();
  await dns?.close();
  vi.unstubAllEnvs();
  await rm(exportDir, { recursive: true, force: true });
});

describe("verify-domains cron job", () => {
  it("verifies a pending domain whose TXT record appeared (real pg-boss, loopback DNS)", async () => {
    const [row] = await s.t.admin<{ verification_token: string }[]>`
      select verification_token from tenant_domains where hostname = 'pending.example.com'`;
    dns.setTxt("_omnify-verify.pending.example.com", [`omnify-verify=${row?.verification_token}`]);
    const outcome = await runJobNow(worker, verifyDomainsJob.id, {});
    expect(outcome.state).toBe("completed");
    const [after] = await s.t
      .admin`select status from tenant_domains where hostname = 'pending.example.com'`;
    expect(after?.status).toBe("verified");
  });
});

describe("export-tenant job", () => {
  it("starts as soon as the request commits and finishes with an archive", async () => {
    const job = await s.t.app.withTenant(s.client.id, (tx) =>
      requestExport(tx, { tenant: s.client, userId: s.w.users.owner.id }),
    );
    await expect
      .poll(
        async () =>
          (await s.t.admin`select status from export_jobs where id = ${job.id}`)[0]?.status,
        { timeout: 20_000, interval: 200 },
      )
      .toBe("succeeded");
    const [row] = await s.t.admin`select file_path, progress from export_jobs where id = ${job.id}`;
    expect(row?.progress).toBe(100);
    expect(String(row?.file_path)).toMatch(new RegExp(`^${exportDir}/${s.client.id}/`));
  });
});
