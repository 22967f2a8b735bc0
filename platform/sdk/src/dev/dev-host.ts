import { relative } from "node:path";
import { type LocalHostOptions, startLocalHost } from "../testing/local-host.ts";
import type { OnRecord } from "../testing/recorder.ts";
import { serveDevApi } from "./server.ts";
import { watchFolder } from "./watch.ts";

export type DevHostOptions = Omit<LocalHostOptions, "onRecord"> & {
  /** 0 picks a free port. */
  port?: number;
  /** Where progress and recorded effects are printed. Default: console.log. */
  print?: (line: string) => void;
  /** After each rebuild attempt, with the error if it failed (the old code keeps serving). */
  onReload?: (error?: unknown) => void;
};

const printer =
  (print: (line: string) => void): OnRecord =>
  (kind, entry) =>
    print(`  ${kind.padEnd(8)} ${JSON.stringify(entry)}`);

/**
 * `omnify-plugin dev`: the production sandbox and host API for one plugin folder, a local
 * database, a rebuild on every save, and a loopback HTTP API to call it.
 */
export async function startDevHost(opts: DevHostOptions) {
  const print = opts.print ?? ((line: string) => console.log(line));
  const host = await startLocalHost({ ...opts, onRecord: printer(print) });
  const id = () => `${host.plugin.manifest.id}@${host.plugin.manifest.version}`;
  const watcher = watchFolder(opts.dir, async () => {
    const started = performance.now();
    try {
      await host.reload();
      print(
        `rebuilt ${id()} in ${Math.round(performance.now() - started)} ms (${host.plugin.bundle.sha256.slice(0, 12)})`,
      );
      opts.onReload?.();
    } catch (e) {
      print(
        `rebuild failed, still serving the previous build:\n${e instanceof Error ? e.message : String(e)}`,
      );
      opts.onReload?.(e);
    }
  });
  const api = await serveDevApi(host, opts.port ?? 0);
  print(`${id()} from ${relative(process.cwd(), opts.dir) || "."} on ${api.url}`);
  return {
    url: api.url,
    host,
    async close() {
      await watcher.close();
      await new Promise<void>((resolve) => api.server.close(() => resolve()));
      await host.close();
    },
  };
}
