import autocannon from "autocannon";

export type LoadResult = { rps: number; p50: number; p95: number; p99: number; errors: number };
export type Target = { host: string; token: string };

/** Exact percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Drives GET `path` on loopback, rotating the tenant host and session per request. */
export async function load(opts: {
  port: number;
  path: string;
  targets: Target[];
  seconds: number;
  connections: number;
  /** Fixed total request rate; omit for as fast as it goes. */
  overallRate?: number;
}): Promise<LoadResult> {
  let next = 0;
  const samples: number[] = [];
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${opts.port}`,
        connections: opts.connections,
        duration: opts.seconds,
        ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
        requests: [
          {
            method: "GET",
            path: opts.path,
            setupRequest: (request) => {
              const target = opts.targets[next++ % opts.targets.length] as Target;
              return {
                ...request,
                headers: { host: target.host, "x-bench-session": target.token },
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance?.on("response", (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  const result = await finished;
  samples.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    errors: result.errors + result.non2xx,
  };
}
