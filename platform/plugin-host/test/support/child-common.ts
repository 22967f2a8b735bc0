/** Shared by the scripts a test runs in its own Node with --no-node-snapshot (see runChild). */
import type { PluginIsolate } from "../../src/sandbox/plugin-isolate.ts";
import type { WorkerConfig } from "../../src/sandbox/protocol.ts";
import { HOST_API_VERSION } from "../../src/version.ts";

export type Bundle = { code: string; sha256: string };

/** The bundles the test wrote to stdin as one JSON object. */
export async function readBundles(): Promise<Record<string, Bundle>> {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  return JSON.parse(input) as Record<string, Bundle>;
}

/** A worker's configuration with generous limits for a loaded test machine. */
export function workerConfig(overrides: Partial<WorkerConfig> = {}): WorkerConfig {
  return {
    maxIsolates: 10,
    maxSpares: 4,
    defaultMemoryMb: 64,
    maxMemoryMb: 256,
    loadTimeoutMs: 10_000,
    maxResultBytes: 100_000,
    maxHostCallBytes: 100_000,
    maxConcurrentHostCalls: 4,
    maxRssMb: 4096,
    idleCpuBudgetMs: 1000,
    hostApiVersion: HOST_API_VERSION,
    ...overrides,
  };
}

/** Calls a procedure the way the worker does; resolves to the parsed result. */
export async function callProcedure(
  iso: PluginIsolate,
  pluginId: string,
  name: string,
  tenantId: string,
  input: unknown = null,
): Promise<unknown> {
  const invocation = JSON.stringify({ tenantId, pluginId, version: "1.0.0", settings: {} });
  const out = await iso.invoke(["procedure", name, JSON.stringify(input), invocation], {
    cpuTimeoutMs: 5000,
    deadlineMs: 10_000,
    maxResultBytes: 100_000,
  });
  return JSON.parse(out);
}
