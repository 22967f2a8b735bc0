import { z } from "zod";

export const settingsFieldSchema = z.strictObject({
  name: z.string(),
  label: z.string(),
  type: z.enum(["text", "email", "url", "number", "integer", "boolean", "select", "json"]),
  required: z.boolean(),
  description: z.string().optional(),
  options: z.array(z.union([z.string(), z.number()])).optional(),
  default: z.unknown().optional(),
});
/** One form field, enough for the portal to render a settings form without the zod schema. */
export type SettingsField = z.output<typeof settingsFieldSchema>;

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: (string | number)[];
  default?: unknown;
  title?: string;
  description?: string;
  anyOf?: JsonSchema[];
};

const humanize = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .replace(/^./, (c) => c.toUpperCase());

function fieldType(s: JsonSchema): SettingsField["type"] {
  if (s.enum) return "select";
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "string")
    return s.format === "email" ? "email" : s.format === "uri" ? "url" : "text";
  if (type === "number" || type === "integer" || type === "boolean") return type;
  return "json";
}

/**
 * Turns a plugin's settings schema into form fields. Goes through zod's JSON Schema output
 * (a public API) rather than zod internals, so it survives zod upgrades. Labels come from
 * `.meta({ title })`, help text from `.describe()`.
 */
export function settingsFormFields(schema: z.ZodObject): SettingsField[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, raw]) => {
    // Nullable fields arrive as anyOf [T, null]; render them as T.
    const s = raw.anyOf?.find((a) => a.type !== "null") ?? raw;
    const field: SettingsField = {
      name,
      label: raw.title ?? s.title ?? humanize(name),
      type: fieldType(s),
      required: required.has(name) && raw.default === undefined,
    };
    const description = raw.description ?? s.description;
    if (description) field.description = description;
    if (s.enum) field.options = s.enum;
    if (raw.default !== undefined) field.default = raw.default;
    return field;
  });
}
