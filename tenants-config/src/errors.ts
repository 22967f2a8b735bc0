import { relative } from "node:path";
import type { z } from "zod";
import { suggestField } from "./suggest";

export type ConfigIssue = { file: string; path: string; message: string };

/**
 * A tenant file (or a set of them) is invalid. The message has one line per problem,
 * `<file>: <field path>: <what is wrong>`, so an editor or CI log points straight at it.
 */
export class TenantConfigError extends Error {
  override readonly name = "TenantConfigError";
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(issues.map(formatIssue).join("\n"));
  }
}

export function formatIssue(issue: ConfigIssue): string {
  return issue.path
    ? `${issue.file}: ${issue.path}: ${issue.message}`
    : `${issue.file}: ${issue.message}`;
}

/** Paths read like the code that would reach the field: `subaccounts[1].theme`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join("");
}

/** Files are named relative to the working directory when they sit below it. */
export function displayFile(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

/** One issue per field; an unknown key gets its own path and, if close, the likely spelling. */
export function issuesFromZod(file: string, error: z.ZodError): ConfigIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code !== "unrecognized_keys") {
      return [{ file, path: formatPath(issue.path), message: issue.message }];
    }
    return issue.keys.map((key) => {
      const hint = suggestField(key);
      return {
        file,
        path: formatPath([...issue.path, key]),
        message: `unknown field${hint ? ` (did you mean "${hint}"?)` : ""}`,
      };
    });
  });
}
