import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { pluginSyncPayload } from "./plugin-sync";
import { syncPluginQueues } from "./plugins/plugin-queues";

const pluginSync: JobHandler<z.output<typeof pluginSyncPayload>> = (_p, ctx) =>
  syncPluginQueues(ctx);

export default pluginSync;
