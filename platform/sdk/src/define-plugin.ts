import { z } from "zod";
import type { PluginContext } from "./context.ts";
import { formatIssues, PluginManifestError } from "./manifest/issues.ts";
import { type Manifest, type ManifestInput, manifestSchema } from "./manifest/schema.ts";
import { type SettingsField, settingsFormFields } from "./settings-form.ts";

type SettingsOf<S> = S extends z.ZodObject ? z.output<S> : Record<string, never>;
type InputOf<I> = I extends z.ZodType ? z.output<I> : unknown;

export type ProcedureDef<I, Ctx> = {
  input?: I;
  handler: (input: InputOf<I>, ctx: Ctx) => unknown;
};
export type EventHandler<Ctx> = (payload: unknown, ctx: Ctx) => Promise<void> | void;
/** A job may return a JSON summary: the worker logs it and tests assert on it. */
export type JobHandler<Ctx> = (payload: unknown, ctx: Ctx) => unknown;

export type PluginServer<S, P> = {
  procedures?: { [K in keyof P]: ProcedureDef<P[K], PluginContext<SettingsOf<S>>> };
  events?: Record<string, EventHandler<PluginContext<SettingsOf<S>>>>;
  jobs?: Record<string, JobHandler<PluginContext<SettingsOf<S>>>>;
};

export type PluginDefinitionInput<S, P> = ManifestInput & {
  settings?: S;
  server?: PluginServer<S, P>;
};

/** What definePlugin returns: the bundle's default export. */
export type PluginDefinition = {
  readonly kind: "omnify-plugin";
  readonly manifest: Manifest;
  readonly settings: z.ZodObject | undefined;
  readonly server: {
    procedures: Record<string, { input?: z.ZodType; handler: (i: unknown, c: never) => unknown }>;
    events: Record<string, (payload: unknown, ctx: never) => unknown>;
    jobs: Record<string, (payload: unknown, ctx: never) => unknown>;
  };
  /** JSON the host reads once per bundle: the manifest plus derived facts. */
  describe(): PluginDescriptor;
};

/** The JSON form of a plugin the host stores and checks capabilities against. */
export type PluginDescriptor = Manifest & {
  settingsForm: SettingsField[];
  /**
   * The settings schema as JSON Schema (zod's input view), so a host that never runs plugin
   * code can still validate settings on the server and name the failing field.
   */
  settingsSchema?: Record<string, unknown>;
  handlers: { procedures: string[]; events: string[]; jobs: string[] };
};

const fn = z.custom<(...args: never[]) => unknown>(
  (v) => typeof v === "function",
  "must be a function",
);

const HANDLER_NAME = /^[a-zA-Z][a-zA-Z0-9]*(?:[._:-][a-zA-Z0-9]+)*$/;

const serverSchema = z.strictObject({
  procedures: z
    .record(
      z.string().regex(HANDLER_NAME, "is not a valid procedure name"),
      z.strictObject({ input: z.instanceof(z.ZodType).optional(), handler: fn }),
    )
    .default({}),
  events: z.record(z.string(), fn).default({}),
  jobs: z.record(z.string().regex(HANDLER_NAME, "is not a valid job id"), fn).default({}),
});

function crossCheck(manifest: Manifest, server: z.output<typeof serverSchema>): string[] {
  const problems: string[] = [];
  const subscribed = new Set(manifest.capabilities.events?.subscribe ?? []);
  for (const type of Object.keys(server.events)) {
    if (!subscribed.has(type))
      problems.push(
        `server.events.${type}: handles '${type}' but capabilities.events.subscribe does not list it`,
      );
  }
  for (const [i, s] of (manifest.capabilities.schedules ?? []).entries()) {
    if (!server.jobs[s.id])
      problems.push(
        `capabilities.schedules.${i}.id: schedule '${s.id}' has no server.jobs handler`,
      );
  }
  for (const [i, p] of (manifest.capabilities.devices?.procedures ?? []).entries()) {
    if (!Object.hasOwn(server.procedures, p))
      problems.push(
        `capabilities.devices.procedures.${i}: '${p}' is not a procedure in server.procedures`,
      );
  }
  return problems;
}

/** JSON Schema of the settings; no settings means an object with no properties. */
function settingsJsonSchema(schema: z.ZodObject | undefined): Record<string, unknown> {
  if (!schema) return { type: "object", properties: {} };
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

/**
 * Declares a plugin. Validates the manifest and the server shape at once (at build, and again
 * when the host loads the bundle); errors name each field path.
 */
export function definePlugin<
  S extends z.ZodObject | undefined = undefined,
  P = Record<string, never>,
>(def: PluginDefinitionInput<S, P>): PluginDefinition {
  const { settings, server, ...manifestInput } = def;
  const parsed = manifestSchema.safeParse(manifestInput);
  const serverParsed = serverSchema.safeParse(server ?? {});
  const problems = [
    ...(parsed.success ? [] : [formatIssues(parsed.error.issues)]),
    ...(serverParsed.success ? [] : [formatIssues(serverParsed.error.issues, "server")]),
    ...(settings !== undefined && !(settings instanceof z.ZodObject)
      ? ["settings: must be a z.object({...}) schema"]
      : []),
  ];
  if (parsed.success && serverParsed.success)
    problems.push(...crossCheck(parsed.data, serverParsed.data));
  if (problems.length > 0 || !parsed.success || !serverParsed.success) {
    throw new PluginManifestError(`invalid plugin '${String(def.id)}':\n${problems.join("\n")}`);
  }
  const manifest = parsed.data;
  const handlers = serverParsed.data as PluginDefinition["server"];
  const settingsSchema = settings as z.ZodObject | undefined;
  return Object.freeze({
    kind: "omnify-plugin" as const,
    manifest,
    settings: settingsSchema,
    server: handlers,
    describe: (): PluginDescriptor => ({
      ...manifest,
      settingsForm: settingsSchema ? settingsFormFields(settingsSchema) : [],
      settingsSchema: settingsJsonSchema(settingsSchema),
      handlers: {
        procedures: Object.keys(handlers.procedures),
        events: Object.keys(handlers.events),
        jobs: Object.keys(handlers.jobs),
      },
    }),
  });
}
