import type { Server } from "node:http";
import { createPaymentsService, type ObjectStorage, type PaymentsDeps } from "@omnify/core";
import { type AppDatabase, createAppDatabase, pluginHostToken } from "@omnify/db";
import type { PluginHostPoolOptions } from "@omnify/plugin-host";
import { PgBoss } from "pg-boss";
import { pluginRuntimeToken } from "./client";
import { createRuntimeHttpServer, listenLoopback } from "./http";
import { createPluginDatabases } from "./plugin-databases";
import { createRuntimeService, type RuntimeService } from "./service";

export type StartRuntimeOptions = {
  appUrl: string;
  adminUrl: string;
  omnifySecret: string;
  /** 0 picks a free port (tests). */
  port: number;
  environment: "production" | "development" | "test";
  /** Where `ctx.storage` keeps bytes (see createObjectStorage). */
  storage: ObjectStorage;
  /** Provider clients for `ctx.payments` (none: payments are refused with a clear error). */
  payments?: Omit<PaymentsDeps, "db">;
  pool?: Omit<PluginHostPoolOptions, "hostApi">;
  writeLog?: (line: string) => void;
};

export type RunningRuntime = {
  url: string;
  token: string;
  port: number;
  service: RuntimeService;
  db: AppDatabase;
  stop(): Promise<void>;
};

/** Starts the whole service: app-role db, pg-boss (send only), plugin databases, pool, HTTP. */
export async function startPluginRuntime(opts: StartRuntimeOptions): Promise<RunningRuntime> {
  const db = createAppDatabase(opts.appUrl, { max: 8 });
  // Sending only: the worker supervises queues and runs the cron; pg-boss may still migrate
  // its own schema here (under its advisory lock) when this process starts first.
  const boss = new PgBoss({
    connectionString: opts.adminUrl,
    application_name: "omnify-plugin-runtime",
    max: 2,
    schedule: false,
    supervise: false,
  });
  boss.on("error", (error) => console.error("[plugin-runtime] pg-boss error", error));
  await boss.start();
  // Host, port and database of the app login; credentials are replaced per plugin.
  const pluginDbs = createPluginDatabases({
    baseUrl: opts.appUrl,
    hostSecret: opts.omnifySecret,
    hostToken: pluginHostToken(opts.omnifySecret),
  });
  const service = createRuntimeService({
    db,
    boss,
    pluginDbs,
    omnifySecret: opts.omnifySecret,
    storage: opts.storage,
    payments: createPaymentsService({ db, ...opts.payments }),
    environment: opts.environment,
    ...(opts.pool ? { pool: opts.pool } : {}),
    ...(opts.writeLog ? { writeLog: opts.writeLog } : {}),
  });
  const token = pluginRuntimeToken(opts.omnifySecret);
  const server: Server = createRuntimeHttpServer(service, token);
  const port = await listenLoopback(server, opts.port);
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    port,
    service,
    db,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
      await pluginDbs.close();
      await boss.stop({ graceful: false, timeout: 5_000 });
      await db.close();
    },
  };
}
