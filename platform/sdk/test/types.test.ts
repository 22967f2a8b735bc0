import { describe, expectTypeOf, it } from "vitest";
import { definePlugin, type PluginResponse, z } from "../src/index.ts";

describe("definePlugin types", () => {
  it("infers procedure input and settings from their zod schemas", () => {
    definePlugin({
      id: "typed",
      version: "1.0.0",
      hostApi: "^1.0.0",
      name: "Typed",
      settings: z.object({ region: z.enum(["eu", "us"]).default("eu") }),
      server: {
        procedures: {
          status: {
            input: z.object({ full: z.boolean() }),
            handler: async (input, ctx) => {
              expectTypeOf(input).toEqualTypeOf<{ full: boolean }>();
              expectTypeOf(ctx.settings.region).toEqualTypeOf<"eu" | "us">();
              expectTypeOf(ctx.tenant.id).toEqualTypeOf<string>();
              expectTypeOf(ctx.fetch).returns.resolves.toEqualTypeOf<PluginResponse>();
              return null;
            },
          },
          untyped: {
            handler: async (input) => {
              expectTypeOf(input).toEqualTypeOf<unknown>();
              return null;
            },
          },
        },
      },
    });
  });
});
