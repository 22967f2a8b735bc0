"use client";

import { Alert, Button, Field, Input } from "@omnify/ui";
import { type FormEvent, useState } from "react";
import { fieldErrors } from "../../../lib/field-errors";
import { PermissionMatrix } from "./PermissionMatrix";

type Props = {
  modules: { core: string[]; plugins: string[] };
  initial?: { name: string; permissions: string[] };
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSave: (role: { name: string; permissions: string[] }) => void;
  onDelete?: () => void;
  idPrefix: string;
};

/** A role's name and its permission matrix; used for new and existing roles alike. */
export function RoleEditor(props: Props) {
  const [permissions, setPermissions] = useState<string[]>(props.initial?.permissions ?? []);
  const errors = fieldErrors(props.error);
  // The name stays uncontrolled: read at submit, so typing before hydration is not lost.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    props.onSave({ name, permissions });
  }
  return (
    <form className="omnify-stack" onSubmit={onSubmit} aria-label={props.submitLabel}>
      <Field id={`${props.idPrefix}-name`} label="Role name" error={errors.fields.name}>
        {(control) => (
          <Input {...control} name="name" defaultValue={props.initial?.name ?? ""} maxLength={60} />
        )}
      </Field>
      <PermissionMatrix
        modules={props.modules}
        value={permissions}
        onChange={setPermissions}
        idPrefix={props.idPrefix}
      />
      {errors.fields.permissions && <Alert tone="danger">{errors.fields.permissions}</Alert>}
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <div className="omnify-row">
        <Button type="submit" loading={props.busy}>
          {props.submitLabel}
        </Button>
        {props.onDelete && (
          <Button type="button" variant="danger" onClick={props.onDelete}>
            Delete role
          </Button>
        )}
      </div>
    </form>
  );
}
