import type { IsolateKey, Usage } from "../sandbox/protocol.ts";

export type PluginUsage = {
  tenantId: string;
  pluginId: string;
  invocations: number;
  errors: number;
  /** isolate.cpuTime charged to this tenant and plugin (estimated when V8 killed the isolate). */
  cpuMs: number;
  wallMs: number;
};

/** Running totals per (tenant, plugin); the billing slice reads them through stats(). */
export class UsageLedger {
  private readonly rows = new Map<string, PluginUsage>();

  private row(tenantId: string, pluginId: string): PluginUsage {
    const k = `${tenantId}\u0000${pluginId}`;
    let r = this.rows.get(k);
    if (!r) {
      r = { tenantId, pluginId, invocations: 0, errors: 0, cpuMs: 0, wallMs: 0 };
      this.rows.set(k, r);
    }
    return r;
  }

  charge(key: IsolateKey, usage: Usage): void {
    const r = this.row(key.tenantId, key.pluginId);
    r.cpuMs += usage.cpuNs / 1e6;
    r.wallMs += usage.wallNs / 1e6;
  }

  count(key: IsolateKey, ok: boolean): void {
    const r = this.row(key.tenantId, key.pluginId);
    r.invocations++;
    if (!ok) r.errors++;
  }

  snapshot(): PluginUsage[] {
    return [...this.rows.values()].map((r) => ({ ...r }));
  }
}
