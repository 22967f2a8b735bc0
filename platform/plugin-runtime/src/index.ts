export {
  createPluginRuntimeClient,
  type PluginRuntimeClient,
  PluginRuntimeUnavailableError,
  pluginRuntimeToken,
  type RuntimeInvoke,
  type RuntimeResult,
} from "./client";
export { type RuntimeEnv, readRuntimeEnv, runtimeEnvSchema } from "./env";
export { type PluginJobData, pluginQueueName } from "./queues";
export { createRuntimeService, type RuntimeService } from "./service";
export { type RunningRuntime, type StartRuntimeOptions, startPluginRuntime } from "./start";
