export type PluginLogEntry = {
  at: string;
  level: "info" | "warn" | "error";
  tenantId: string;
  pluginId: string;
  version: string;
  message: string;
  data?: unknown;
  /** Lines dropped by the rate limit since the previous line that got through. */
  dropped?: number;
};

export type LogLimits = {
  linesPerWindow?: number;
  windowMs?: number;
  maxMessageChars?: number;
  maxDataChars?: number;
};

/**
 * Fixed-window rate limit per (tenant, plugin): a chatty or hostile plugin cannot flood the
 * host's logs. Dropped lines are counted and reported on the next line that passes.
 */
export function createPluginLogger(write: (e: PluginLogEntry) => void, limits: LogLimits = {}) {
  const {
    linesPerWindow = 100,
    windowMs = 10_000,
    maxMessageChars = 2000,
    maxDataChars = 8000,
  } = limits;
  const windows = new Map<string, { start: number; count: number; dropped: number }>();
  return (entry: Omit<PluginLogEntry, "at" | "dropped">, now = Date.now()): void => {
    const k = `${entry.tenantId}\u0000${entry.pluginId}`;
    let w = windows.get(k);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0, dropped: w?.dropped ?? 0 };
      windows.set(k, w);
    }
    if (w.count >= linesPerWindow) {
      w.dropped++;
      return;
    }
    w.count++;
    const out: PluginLogEntry = {
      ...entry,
      at: new Date(now).toISOString(),
      message: entry.message.slice(0, maxMessageChars),
    };
    if (entry.data !== undefined) {
      const json = JSON.stringify(entry.data);
      out.data = json.length > maxDataChars ? `[data truncated: ${json.length} chars]` : entry.data;
    }
    if (w.dropped > 0) out.dropped = w.dropped;
    w.dropped = 0;
    write(out);
  };
}

/** Default sink: one JSON line per entry on stderr. */
export const stderrLog = (e: PluginLogEntry) =>
  process.stderr.write(`${JSON.stringify({ plugin: true, ...e })}\n`);
