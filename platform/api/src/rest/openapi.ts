import { z } from "zod";
import { type RestRoute, restRoutes } from "./routes";

type JsonSchema = Record<string, unknown>;

/** Dates travel as ISO strings in JSON, which is what the document should say. */
function toSchema(schema: unknown, io: "input" | "output"): JsonSchema | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        field: { type: ["string", "null"] },
      },
      required: ["code", "message"],
    },
  },
  required: ["error"],
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function queryParameters(schema: JsonSchema | undefined) {
  const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: s,
  }));
}

function operation(route: RestRoute) {
  const input = toSchema(route.input, "input");
  const body =
    route.meta.method === "GET"
      ? { parameters: queryParameters(input) }
      : input
        ? { requestBody: { required: true, content: { "application/json": { schema: input } } } }
        : {};
  return {
    operationId: route.name,
    summary: route.meta.summary,
    tags: route.meta.tags ?? [],
    "x-required-scope": route.meta.scope,
    security: [{ apiKey: [] }],
    ...body,
    responses: {
      "200": {
        description: "OK",
        content: { "application/json": { schema: toSchema(route.output, "output") ?? {} } },
      },
      "400": errorResponse("Invalid input; `field` names it"),
      "401": errorResponse("Missing, unknown, expired or revoked API key"),
      "403": errorResponse(`The key lacks the scope, or the host names another workspace`),
      "429": errorResponse("Rate limited; see Retry-After and RateLimit-* headers"),
    },
  };
}

/** The OpenAPI 3.1 document of every procedure that opted in with `meta.openapi`. */
export function generateOpenApiDocument(opts: { baseUrl: string; version?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of restRoutes) {
    paths[route.meta.path] ??= {};
    (paths[route.meta.path] as Record<string, unknown>)[route.meta.method.toLowerCase()] =
      operation(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Omnify API",
      version: opts.version ?? "1",
      description:
        "Authenticate with `Authorization: Bearer <api key>`. Each key belongs to one workspace and carries scopes of the form `<module>:read|write`.",
    },
    servers: [{ url: opts.baseUrl }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An Omnify API key" },
      },
      schemas: { Error: errorSchema },
    },
  };
}
