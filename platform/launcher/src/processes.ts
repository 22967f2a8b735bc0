import { type ChildProcess, spawn } from "node:child_process";
import { delimiter } from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "./paths";

/**
 * Puts the repo's node_modules/.bin first on PATH, so `#!/usr/bin/env node` shebangs of the
 * tools we spawn find Node 24 from the `node` package, not the machine's older Node.
 */
export function withRepoPath(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: [`${repoRoot}node_modules/.bin`, env.PATH ?? ""].join(delimiter) };
}

export type Managed = { name: string; child: ChildProcess; tail: string[] };

/** Spawns a long-lived process whose output is prefixed with its name, keeping a short tail for errors. */
export function launch(
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean },
): Managed {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const managed: Managed = { name, child, tail: [] };
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => {
      managed.tail.push(line);
      if (managed.tail.length > 40) managed.tail.shift();
      if (!opts.quiet) console.log(`[${name}] ${line}`);
    });
  }
  return managed;
}

/** Runs a command to completion, failing with its output when it fails. */
export function run(
  command: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; label?: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${opts.label ?? command} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Polls a URL until it answers at all, or the process dies, or time runs out. */
export async function waitForHttp(url: string, proc: Managed, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(
        `${proc.name} exited (${proc.child.exitCode}) before it was ready:\n${proc.tail.join("\n")}`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(
    `${proc.name} did not answer ${url} within ${timeoutMs / 1000}s:\n${proc.tail.join("\n")}`,
  );
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function terminate(proc: Managed, graceMs = 5_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.child.once("exit", () => resolve()));
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
