import { definePlugin, z } from "@omnify/plugin-sdk";

/**
 * The benchmark's plugin: one pure procedure (zod-parsed input, a UTM-tagged URL out), so
 * the numbers are the sandbox's cost and not a database's.
 */
export default definePlugin({
  id: "bench-tag",
  version: "1.0.0",
  hostApi: "^1.0.0",
  name: "Bench tag",
  server: {
    procedures: {
      tag: {
        input: z.object({ destination: z.string().max(500), campaign: z.string().min(1).max(100) }),
        handler: (input, ctx) => ({
          tenant: ctx.tenant.id,
          url: `${input.destination}?utm_source=bench&utm_campaign=${encodeURIComponent(input.campaign)}`,
        }),
      },
    },
  },
});
