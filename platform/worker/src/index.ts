export { readWorkerEnv, type WorkerEnv, workerEnvSchema } from "./env";
export {
  DEFAULT_RETENTION,
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobHandler,
  type Logger,
} from "./jobs/define-job";
export { jobs } from "./registry";
export { enqueueJob, type JobOutcome, runJobNow } from "./run-job";
export { createWorker, type Worker, type WorkerOptions } from "./worker";
