/**
 * @omnify/plugin-sdk/testing: run a plugin in the production sandbox from Vitest. Test code
 * only; plugin source keeps importing just `@omnify/plugin-sdk` (the build enforces it).
 */

/** The real sandbox and host API, for tests that need to wire them differently. */
export { createHostApi, createPluginHostPool, POOL_DEFAULTS } from "@omnify/plugin-host";
export type { Budget, PluginRunStats } from "./budget.ts";
export {
  type FakeRequest,
  type FakeResponse,
  type FakeUpstream,
  fakeUpstream,
} from "./fake-upstream.ts";
export type { LocalFetchOptions, SecretSource, Settings } from "./local-host.ts";
export type {
  Recorded,
  RecordedEvent,
  RecordedFetch,
  RecordedJob,
  RecordedLog,
  RecordedMeter,
  RecordedRealtime,
} from "./recorder.ts";
export {
  type CallOptions,
  DEFAULT_CALLER,
  type PluginRun,
  type RunPluginOptions,
  runPlugin,
} from "./run-plugin.ts";
