"use client";

import { Table } from "@omnify/ui";

type Props = {
  modules: { core: string[]; plugins: string[] };
  /** `<module>:read|write` grants; write implies read. */
  value: readonly string[];
  onChange: (next: string[]) => void;
  idPrefix: string;
};

type Row = { id: string; plugin: boolean };

const level = (grants: readonly string[], id: string) =>
  grants.includes(`${id}:write`) ? "write" : grants.includes(`${id}:read`) ? "read" : null;

/** Checkbox grid, modules × read/write. Ticking write ticks read; unticking read clears both. */
export function PermissionMatrix({ modules, value, onChange, idPrefix }: Props) {
  const rows: Row[] = [
    ...modules.core.map((id) => ({ id, plugin: false })),
    ...modules.plugins.map((id) => ({ id, plugin: true })),
  ];
  const set = (id: string, next: "read" | "write" | null) => {
    const rest = value.filter((g) => !g.startsWith(`${id}:`));
    onChange(next ? [...rest, `${id}:${next}`] : rest);
  };
  const box = (row: Row, which: "read" | "write") => {
    const held = level(value, row.id);
    const checked = which === "read" ? held !== null : held === "write";
    return (
      <input
        type="checkbox"
        id={`${idPrefix}-${row.id}-${which}`}
        aria-label={`${row.id} ${which}`}
        checked={checked}
        onChange={(e) => {
          if (which === "write") set(row.id, e.target.checked ? "write" : "read");
          else set(row.id, e.target.checked ? "read" : null);
        }}
      />
    );
  };
  return (
    <Table
      caption="Permissions"
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: "id", header: "Module", cell: (r) => (r.plugin ? `${r.id} (plugin)` : r.id) },
        { key: "read", header: "Read", cell: (r) => box(r, "read") },
        { key: "write", header: "Write", cell: (r) => box(r, "write") },
      ]}
    />
  );
}
