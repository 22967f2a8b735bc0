import type { TestDatabase } from "@omnify/db/testing";
import { vi } from "vitest";
import { createWorker, type WorkerOptions } from "../src/worker";

/** A worker on the test database as the tests run it: fast polling, no cron, a spy logger. */
export function createTestWorker(t: TestDatabase, options: Partial<WorkerOptions> = {}) {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const worker = createWorker({
    adminUrl: t.adminUrl,
    db: t.app,
    log,
    pollingIntervalSeconds: 0.5,
    schedule: false,
    ...options,
  });
  return { worker, log };
}
