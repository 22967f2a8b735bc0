import { commandOf, splitStatements } from "./sql-text";

/** Why the host refused a plugin statement or its result, before or after PostgreSQL ran it. */
export class PluginQueryError extends Error {
  constructor(
    readonly reason:
      | "bad_request"
      | "multiple_statements"
      | "statement_not_allowed"
      | "too_many_rows"
      | "too_many_bytes"
      | "timeout",
    message: string,
  ) {
    super(message);
    this.name = "PluginQueryError";
  }
}

/** DML and queries only: no SET/RESET, COPY, NOTIFY, DDL, transaction control. */
const ALLOWED = new Set(["select", "insert", "update", "delete", "with", "values", "table"]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The host's own check before a plugin statement reaches PostgreSQL. Defence in depth: the
 * extended protocol already refuses a second statement, and the runtime role's privileges
 * and RLS hold even for a statement this lets through.
 */
export function assertPluginStatement(text: string, params: unknown): void {
  if (typeof text !== "string" || text.length === 0 || text.length > 100_000) {
    throw new PluginQueryError(
      "bad_request",
      "sql must be a non-empty string under 100000 characters",
    );
  }
  if (!Array.isArray(params) || params.length > 65_534) {
    throw new PluginQueryError("bad_request", "params must be an array of at most 65534 values");
  }
  const statements = splitStatements(text);
  if (statements.length !== 1) {
    throw new PluginQueryError(
      "multiple_statements",
      `one statement per call, got ${statements.length}`,
    );
  }
  const command = commandOf(statements[0] ?? "");
  if (!ALLOWED.has(command)) {
    throw new PluginQueryError(
      "statement_not_allowed",
      `plugins may run ${[...ALLOWED].join(", ").toUpperCase()} only, got ${command.toUpperCase() || "nothing"}`,
    );
  }
}

export function assertTenantId(tenantId: string): void {
  if (!UUID.test(tenantId)) {
    throw new PluginQueryError(
      "bad_request",
      `tenantId must be a UUID, got ${JSON.stringify(tenantId)}`,
    );
  }
}
