import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  freePort,
  migrateDatabase,
  type ResolvedDatabase,
  resolveDatabase,
} from "@omnify/db/server";
import { seedDemoRebilling } from "./demo-rebilling";
import { seedDemoScreens } from "./demo-screens";
import { startDevPaystack } from "./fake-paystack";
import { startDevStripe } from "./fake-stripe";
import { bin, repoRoot } from "./paths";
import { registerBuiltPlugins } from "./plugins";
import { launch, type Managed, run, terminate, waitForHttp } from "./processes";
import { localSecret } from "./secret";

export type StackOptions = {
  /** Embedded PostgreSQL data, the local secret and the mail outbox live here. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  webPort: number;
  realtimePort?: number;
  build: boolean;
  demoPassword: string;
  quiet?: boolean;
  preferredDbPort?: number;
};

export type Stack = {
  db: ResolvedDatabase;
  webPort: number;
  realtimePort: number;
  pluginRuntimePort: number;
  mailOutbox: string;
  processes: Managed[];
  stop(): Promise<void>;
};

/**
 * Brings up the whole product: PostgreSQL (embedded unless DATABASE_URL), migrations,
 * plugins (build, register in the catalog, provision + migrate their schemas), the demo
 * tenants, a production build of the portal, then plugin-runtime + realtime + worker + web.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const step = (message: string) => console.log(`[omnify] ${message}`);
  step(opts.env.DATABASE_URL ? "connecting to DATABASE_URL…" : "starting embedded PostgreSQL…");
  const db = await resolveDatabase(
    { ...opts.env, OMNIFY_DATA_DIR: opts.dataDir },
    {
      preferredPort: opts.preferredDbPort,
    },
  );
  const processes: Managed[] = [];
  let stopStripe = async () => {};
  const stop = async () => {
    await Promise.all(processes.map((p) => terminate(p)));
    await stopStripe();
    await db.embedded?.stop();
  };
  try {
    step("applying migrations…");
    await migrateDatabase(db.adminUrl, db.appPassword);
    const secret = opts.env.OMNIFY_SECRET ?? localSecret(opts.dataDir);

    if (opts.build) {
      step("building plugins (cached by turbo when nothing changed)…");
      await run(
        bin("turbo"),
        ["run", "build", "--filter=./plugins/*", "--output-logs=errors-only"],
        {
          cwd: repoRoot,
          env: { ...opts.env, TURBO_TELEMETRY_DISABLED: "1" },
          label: "plugin build",
        },
      );
    }
    // Before the tenant sync, so the demo tenants' configured plugins can be installed.
    step("registering plugins in the catalog, migrating their schemas…");
    for (const p of await registerBuiltPlugins(db.adminUrl, secret)) {
      const applied = p.migrated.length ? `, migrations: ${p.migrated.join(", ")}` : "";
      step(
        `  ${p.pluginId}@${p.version} ${p.created ? "registered" : "already registered"}${applied}`,
      );
    }
    step("syncing demo tenants…");
    const { syncDemoTenants } = await import("@omnify/tenants-config");
    await syncDemoTenants(db.appUrl, { demoPassword: opts.demoPassword });
    const platformHost = opts.env.PLATFORM_HOST ?? "localhost";
    step(
      `rebilling: ${await seedDemoRebilling(db.appUrl, { platformHost, webPort: opts.webPort })}`,
    );

    if (opts.build) {
      step("building the portal and the screen player (cached by turbo when nothing changed)…");
      await run(
        bin("turbo"),
        // The web app serves the player's static build at /screen/.
        [
          "run",
          "build",
          "--filter=@omnify/app",
          "--filter=@omnify/screen-client",
          "--output-logs=errors-only",
        ],
        {
          cwd: repoRoot,
          env: { ...opts.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" },
          label: "next build",
        },
      );
    }

    const realtimePort = opts.realtimePort ?? (await freePort(opts.webPort + 1));
    const pluginRuntimePort = await freePort(realtimePort + 1);
    const mailOutbox = join(opts.dataDir, "outbox");
    mkdirSync(mailOutbox, { recursive: true });
    const stripe = await startDevStripe(opts.env, opts.webPort);
    const paystack = await startDevPaystack(opts.env, opts.webPort);
    stopStripe = async () => {
      await stripe.close();
      await paystack.close();
    };
    const env: NodeJS.ProcessEnv = {
      ...opts.env,
      ...stripe.env,
      ...paystack.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      OMNIFY_DB_APP_URL: db.appUrl,
      OMNIFY_DB_ADMIN_URL: db.adminUrl,
      PLATFORM_HOST: platformHost,
      PORT: String(opts.webPort),
      OMNIFY_PUBLIC_SCHEME: opts.env.OMNIFY_PUBLIC_SCHEME ?? "http",
      OMNIFY_PUBLIC_PORT: opts.env.OMNIFY_PUBLIC_PORT ?? String(opts.webPort),
      OMNIFY_SECRET: secret,
      NEXTAUTH_SECRET: opts.env.NEXTAUTH_SECRET ?? secret,
      REALTIME_PORT: String(realtimePort),
      OMNIFY_REALTIME_URL: opts.env.OMNIFY_REALTIME_URL ?? `http://localhost:${realtimePort}`,
      OMNIFY_MAIL_OUTBOX: opts.env.OMNIFY_MAIL_OUTBOX ?? mailOutbox,
      // The web app (uploads, downloads) and the worker (archives) share this directory.
      OMNIFY_EXPORT_DIR: opts.env.OMNIFY_EXPORT_DIR ?? join(opts.dataDir, "exports"),
      // Plugin objects (uploads): the web app writes and serves them, the runtime too.
      OMNIFY_STORAGE_DIR: opts.env.OMNIFY_STORAGE_DIR ?? join(opts.dataDir, "storage"),
      // Loopback only; web and worker derive its bearer token from OMNIFY_SECRET.
      PLUGIN_RUNTIME_PORT: String(pluginRuntimePort),
      OMNIFY_PLUGIN_RUNTIME_URL: `http://127.0.0.1:${pluginRuntimePort}`,
    };
    const quiet = opts.quiet ?? false;
    const tsx = bin("tsx");
    processes.push(
      launch("plugin-runtime", tsx, ["platform/plugin-runtime/src/main.ts"], {
        cwd: repoRoot,
        env,
        quiet,
      }),
      launch("realtime", tsx, ["platform/realtime/src/main.ts"], { cwd: repoRoot, env, quiet }),
      launch("worker", tsx, ["platform/worker/src/main.ts"], { cwd: repoRoot, env, quiet }),
      // Next's request handler behind our own HTTP server, which decides the client address.
      launch("web", tsx, ["src/http/main.ts"], {
        cwd: join(repoRoot, "platform/app"),
        env,
        quiet,
      }),
    );
    const [runtime, realtime, , web] = processes as [Managed, Managed, Managed, Managed];
    // Any answer (401 without the token) means it is listening.
    await waitForHttp(`http://127.0.0.1:${pluginRuntimePort}/healthz`, runtime, 60_000);
    await waitForHttp(`http://127.0.0.1:${realtimePort}/healthz`, realtime, 60_000);
    await waitForHttp(`http://127.0.0.1:${opts.webPort}/`, web, 120_000);
    const screens = await seedDemoScreens({
      adminUrl: db.adminUrl,
      runtimeUrl: `http://127.0.0.1:${pluginRuntimePort}`,
      secret,
    });
    step(`billboards: ${screens}`);
    return {
      db,
      webPort: opts.webPort,
      realtimePort,
      pluginRuntimePort,
      mailOutbox: env.OMNIFY_MAIL_OUTBOX ?? mailOutbox,
      processes,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
