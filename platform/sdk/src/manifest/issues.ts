import type { z } from "zod";

/** Formats zod issues as `capabilities.http.allow.0.url: must look like ...` lines. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix?: string): string {
  return issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
      return `${path || "(root)"}: ${issue.message}`;
    })
    .join("\n");
}

/** Thrown when a manifest or plugin definition is invalid; the message names each field path. */
export class PluginManifestError extends Error {
  override name = "PluginManifestError";
}
