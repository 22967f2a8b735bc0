import { randomUUID } from "node:crypto";
import { createAppDatabase } from "@omnify/db";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireInvitationsJob } from "../src/jobs/expire-invitations";
import { runJobNow } from "../src/run-job";
import type { Worker } from "../src/worker";
import { createTestWorker } from "./support";

let t: TestDatabase;
let worker: Worker;
let log: ReturnType<typeof createTestWorker>["log"];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ worker, log } = createTestWorker(t));
  await worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await t?.drop();
});

/** A tenant with one invitation expiring at `expiresAt`, arranged as the superuser. */
async function seedInvitation(expiresAt: Date): Promise<{ tenantId: string; id: string }> {
  const tenantId = randomUUID();
  const id = randomUUID();
  await t.admin`insert into tenants (id, kind, slug, name, theme_id)
    values (${tenantId}, 'agency', ${`t-${tenantId.slice(0, 8)}`}, 'T', 'aurora')`;
  await t.admin`insert into invitations (id, tenant_id, email, role, token_hash, expires_at)
    values (${id}, ${tenantId}, ${`${id}@invite.test`}, 'agency_member', ${randomUUID()}, ${expiresAt})`;
  return { tenantId, id };
}

const statusOf = async (id: string) =>
  (await t.admin<{ status: string }[]>`select status from invitations where id = ${id}`)[0]?.status;

describe("expire-invitations job", () => {
  it("expires stale invitations through real pg-boss and leaves fresh ones", async () => {
    const stale = await seedInvitation(new Date(Date.now() - 60_000));
    const fresh = await seedInvitation(new Date(Date.now() + 3_600_000));

    const outcome = await runJobNow(worker, expireInvitationsJob.id, {});

    expect(outcome.state).toBe("completed");
    expect(outcome.output).toEqual({ expired: 1 });
    expect(await statusOf(stale.id)).toBe("expired");
    expect(await statusOf(fresh.id)).toBe("pending");
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining("1 invitation(s) expired"));
  });

  it("creates the queue with retention and schedules the cron in its time zone", async () => {
    const queue = await worker.boss.getQueue(expireInvitationsJob.id);
    expect(queue).toMatchObject({
      policy: "singleton",
      deleteAfterSeconds: expireInvitationsJob.queue.deleteAfterSeconds,
      retentionSeconds: expireInvitationsJob.queue.retentionSeconds,
    });
    const schedule = await worker.boss.getSchedule(expireInvitationsJob.id);
    expect(schedule).toMatchObject({ cron: "*/5 * * * *", timezone: "UTC" });
  });

  it("refuses an unknown job and an invalid payload before queueing", async () => {
    await expect(runJobNow(worker, "no-such-job", {})).rejects.toThrow(/unknown job/);
    await expect(runJobNow(worker, expireInvitationsJob.id, null)).rejects.toThrow();
  });

  it("reports a failing handler as failed without retrying", async () => {
    // A closed database makes the real handler fail the way an outage would.
    const broken = createAppDatabase(t.appUrl, { max: 1 });
    await broken.close();
    const { worker: failing } = createTestWorker(t, {
      db: broken,
      jobs: [{ ...expireInvitationsJob, id: "expire-invitations-broken", cron: undefined }],
    });
    await failing.start();
    try {
      const outcome = await runJobNow(failing, "expire-invitations-broken", {});
      expect(outcome.state).toBe("failed");
    } finally {
      await failing.stop();
    }
  });
});
