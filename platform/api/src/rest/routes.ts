import type { AnyProcedure } from "@trpc/server";
import type { OpenApiMeta } from "./init";
import { type RestRouter, restRouter } from "./router";

export type RestRoute = {
  name: keyof RestRouter["_def"]["procedures"] & string;
  meta: OpenApiMeta;
  type: "query" | "mutation";
  input: unknown;
  output: unknown;
};

type ProcedureDef = {
  type: "query" | "mutation" | "subscription";
  meta?: { openapi?: OpenApiMeta };
  inputs: unknown[];
  output?: unknown;
};

/** The opted-in procedures, read from the router so the table cannot drift from the code. */
export const restRoutes: RestRoute[] = Object.entries(
  restRouter._def.procedures as Record<string, AnyProcedure>,
).flatMap(([name, procedure]) => {
  const def = procedure._def as unknown as ProcedureDef;
  const meta = def.meta?.openapi;
  if (!meta || def.type === "subscription") return [];
  return [
    {
      name: name as RestRoute["name"],
      meta,
      type: def.type,
      input: def.inputs[0],
      output: def.output,
    },
  ];
});

/** The route for a method and a path below /api/v1, or null. */
export function matchRoute(method: string, path: string): RestRoute | "method" | null {
  const onPath = restRoutes.filter((r) => r.meta.path === path);
  if (onPath.length === 0) return null;
  return onPath.find((r) => r.meta.method === method) ?? "method";
}
