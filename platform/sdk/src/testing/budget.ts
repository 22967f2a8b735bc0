import { type PluginHostPool, POOL_DEFAULTS } from "@omnify/plugin-host";
import type { PluginDescriptor } from "../define-plugin.ts";

export type PluginRunStats = {
  calls: number;
  errors: number;
  /** isolate CPU per call, averaged over every call of the run (loading included). */
  cpuMsPerCall: number;
  cpuMs: number;
  wallMs: number;
  isolates: number;
  /** Worker RSS growth since the plugin was loaded, per live isolate: an upper estimate. */
  memoryMbPerIsolate: number;
};

export type Budget = { cpuMsPerCall?: number; memoryMb?: number };

/** Per-run numbers from the pool's own accounting (isolate.cpuTime, worker RSS). */
export async function measure(
  pool: PluginHostPool,
  pluginId: string,
  baselineRssMb: number,
): Promise<PluginRunStats> {
  const s = await pool.stats();
  const rows = s.usage.filter((u) => u.pluginId === pluginId);
  const sum = (k: "invocations" | "errors" | "cpuMs" | "wallMs") =>
    rows.reduce((n, r) => n + r[k], 0);
  const calls = sum("invocations");
  const isolates = s.processes.reduce((n, p) => n + (p.isolates ?? 0), 0);
  const rss = s.processes.reduce((n, p) => n + (p.rssMb ?? 0), 0);
  return {
    calls,
    errors: sum("errors"),
    cpuMs: sum("cpuMs"),
    wallMs: sum("wallMs"),
    cpuMsPerCall: calls ? sum("cpuMs") / calls : 0,
    isolates,
    memoryMbPerIsolate: Math.max(0, rss - baselineRssMb) / Math.max(1, isolates),
  };
}

/**
 * The defaults come from what production enforces for this manifest: memory is the isolate's
 * memoryLimit (the manifest's `limits.memoryMb`, else the host default); CPU is half the
 * per-call CPU timeout, because a plugin averaging more than that will hit the timeout on a
 * busy host. Pass tighter numbers to hold the plugin to your own budget.
 */
export function defaultBudget(manifest: PluginDescriptor, cpuTimeoutMs: number): Required<Budget> {
  return {
    cpuMsPerCall: cpuTimeoutMs / 2,
    memoryMb: Math.min(
      manifest.limits?.memoryMb ?? POOL_DEFAULTS.memoryMb,
      POOL_DEFAULTS.maxMemoryMb,
    ),
  };
}

/** Throws a readable error when the measured run exceeds the budget. */
export function checkBudget(stats: PluginRunStats, budget: Required<Budget>): void {
  const problems: string[] = [];
  if (stats.calls === 0) problems.push("no calls were made, so there is nothing to measure");
  if (stats.cpuMsPerCall > budget.cpuMsPerCall)
    problems.push(
      `CPU ${stats.cpuMsPerCall.toFixed(2)} ms per call exceeds the budget of ${budget.cpuMsPerCall} ms (${stats.calls} calls, ${stats.cpuMs.toFixed(1)} ms in all)`,
    );
  if (stats.memoryMbPerIsolate > budget.memoryMb)
    problems.push(
      `memory ~${stats.memoryMbPerIsolate.toFixed(1)} MB per isolate exceeds the budget of ${budget.memoryMb} MB (${stats.isolates} isolates)`,
    );
  if (problems.length) throw new Error(`plugin is over budget:\n- ${problems.join("\n- ")}`);
}
