import type { SendOptions } from "pg-boss";
import type { JobDefinition } from "./jobs/define-job";
import type { Worker } from "./worker";

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

export type JobOutcome = { id: string; state: string; output: unknown };

function definition(worker: Worker, jobId: string): JobDefinition {
  const def = worker.definitions.find((d) => d.id === jobId);
  if (!def)
    throw new Error(
      `unknown job "${jobId}"; known: ${worker.definitions.map((d) => d.id).join(", ")}`,
    );
  return def;
}

/** Queues a job after validating its payload; resolves to the pg-boss job id. */
export async function enqueueJob(
  worker: Worker,
  jobId: string,
  payload: unknown,
  options: SendOptions = {},
): Promise<string> {
  const def = definition(worker, jobId);
  const data = def.payload.parse(payload) as object;
  const id = await worker.boss.send(def.id, data, options);
  if (!id) throw new Error(`pg-boss refused job "${jobId}" (queue policy or singleton key)`);
  return id;
}

/**
 * Runs a job now (for admins and tests) and waits until it finishes. No retries: the
 * caller wants this attempt's outcome, not a later one.
 */
export async function runJobNow(
  worker: Worker,
  jobId: string,
  payload: unknown,
  { timeoutMs = 30_000, pollMs = 100 } = {},
): Promise<JobOutcome> {
  const id = await enqueueJob(worker, jobId, payload, { retryLimit: 0 });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [job] = await worker.boss.findJobs(jobId, { id });
    if (job && TERMINAL.has(job.state)) return { id, state: job.state, output: job.output };
    if (Date.now() > deadline) {
      throw new Error(
        `job "${jobId}" (${id}) did not finish within ${timeoutMs} ms (${job?.state})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
