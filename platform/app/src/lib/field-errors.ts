/** The `data` our tRPC error formatter adds (see @omnify/api trpc.ts). */
type ErrorData = { field?: string | null; fieldErrors?: Record<string, string[]> | null };

export type FormErrors = { fields: Record<string, string>; form: string | null };

/**
 * Splits a tRPC error into per-field messages (from a core DomainError's `field`, or zod
 * issues per input key) and one form-level message for everything else.
 */
export function fieldErrors(error: unknown): FormErrors {
  if (!error) return { fields: {}, form: null };
  const message = error instanceof Error ? error.message : "Something went wrong.";
  const data = (error as { data?: ErrorData | null }).data ?? null;
  const fields: Record<string, string> = {};
  for (const [key, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (key && messages[0]) fields[key] = messages[0];
  }
  if (data?.field) fields[data.field] = message;
  return { fields, form: Object.keys(fields).length > 0 ? null : message };
}
