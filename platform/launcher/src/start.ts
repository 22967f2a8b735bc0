import { join } from "node:path";
import { redactUrl } from "@omnify/db";
import { freePort } from "@omnify/db/server";
import { repoRoot } from "./paths";
import { startStack } from "./stack";
import { printWelcome } from "./welcome";

/** `npm start`: the whole product on one machine, on embedded defaults. */
const requested = Number(process.env.PORT ?? 3000);
const webPort = await freePort(requested);
if (webPort !== requested) console.log(`[omnify] port ${requested} is taken; using ${webPort}`);

try {
  const stack = await startStack({
    dataDir: process.env.OMNIFY_DATA_DIR ?? join(repoRoot, ".data"),
    env: process.env,
    webPort,
    build: process.env.OMNIFY_SKIP_BUILD !== "1",
    demoPassword: process.env.OMNIFY_DEMO_PASSWORD ?? "demo-password-1",
    preferredDbPort: 54329,
  });
  await printWelcome({
    webPort: stack.webPort,
    realtimePort: stack.realtimePort,
    database: `${redactUrl(stack.db.adminUrl)} (${stack.db.source})`,
    mailOutbox: stack.mailOutbox,
    demoPassword: process.env.OMNIFY_DEMO_PASSWORD ?? "demo-password-1",
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[omnify] ${signal}: stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  for (const proc of stack.processes) {
    proc.child.on("exit", (code) => {
      if (stopping) return;
      console.error(`[omnify] ${proc.name} exited (${code}); stopping the rest.`);
      void shutdown("child exit").then(() => process.exit(1));
    });
  }
} catch (error) {
  console.error(`[omnify] start failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
