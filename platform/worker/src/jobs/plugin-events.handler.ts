import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { pluginEventsPayload } from "./plugin-events";
import { dispatchPluginEvents } from "./plugins/dispatch-events";

const pluginEvents: JobHandler<z.output<typeof pluginEventsPayload>> = async (_p, ctx) => ({
  dispatched: await dispatchPluginEvents(ctx),
});

export default pluginEvents;
