/**
 * Whether a database error (as thrown by drizzle, which wraps the driver's error in `cause`)
 * is a unique-constraint violation: the loser of a race between two identical writes.
 */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
