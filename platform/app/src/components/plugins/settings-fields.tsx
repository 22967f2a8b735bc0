"use client";

import { Field, Input, Select } from "@omnify/ui";

/** One form field from the manifest (`settingsForm`), as the SDK derives it. */
export type SettingsField = {
  name: string;
  label?: unknown;
  type?: unknown;
  required?: unknown;
  description?: unknown;
  options?: unknown;
  default?: unknown;
};

const str = (v: unknown) =>
  v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v);

/** Inputs for the manifest's settings fields; values are read back with `readSettings`. */
export function SettingsFields(props: {
  fields: readonly SettingsField[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  return (
    <>
      {props.fields.map((f) => {
        const id = `${props.idPrefix}-${f.name}`;
        const value = props.values[f.name] ?? f.default;
        const common = { name: f.name, id };
        const options = Array.isArray(f.options)
          ? f.options.map((o) => ({ value: String(o), label: String(o) }))
          : [];
        return (
          <Field
            key={f.name}
            id={id}
            label={str(f.label) || f.name}
            hint={typeof f.description === "string" ? f.description : undefined}
            error={props.errors[f.name]}
            required={f.required === true}
          >
            {f.type === "boolean" ? (
              <Input {...common} type="checkbox" defaultChecked={value === true} />
            ) : f.type === "select" ? (
              <Select {...common} options={options} defaultValue={str(value)} />
            ) : (
              <Input
                {...common}
                type={
                  f.type === "number" || f.type === "integer"
                    ? "number"
                    : f.type === "email"
                      ? "email"
                      : "text"
                }
                defaultValue={str(value)}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}

/**
 * Reads the form back into JSON values by field type. Empty optional fields are left out;
 * the server validates everything and names the field that is wrong.
 */
export function readSettings(form: HTMLFormElement, fields: readonly SettingsField[]) {
  const data = new FormData(form);
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === "boolean") {
      out[f.name] = data.get(f.name) === "on";
      continue;
    }
    const raw = String(data.get(f.name) ?? "");
    if (raw === "") continue;
    if (f.type === "number" || f.type === "integer") out[f.name] = Number(raw);
    else if (f.type === "json") {
      try {
        out[f.name] = JSON.parse(raw);
      } catch {
        out[f.name] = raw;
      }
    } else out[f.name] = raw;
  }
  return out;
}
