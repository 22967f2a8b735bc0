import type { SyncReport } from "../sync";

const list = (labels: readonly string[]) => (labels.length > 0 ? labels.join(", ") : "-");

/** The sync report as the CLI prints it: the three outcome lists, then each change. */
export function formatReport(report: SyncReport): string {
  return [
    `  created:   ${list(report.created)}`,
    `  updated:   ${list(report.updated)}`,
    `  unchanged: ${list(report.unchanged)}`,
    ...report.changes.map((change) => `    ${change}`),
  ].join("\n");
}
