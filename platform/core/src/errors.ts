export type DomainErrorCode =
  | "BAD_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "RATE_LIMITED";

/**
 * An expected failure the caller can show to a person. `field` names the input that caused
 * it, so forms can put the message beside the right box; HTTP layers map `code` to a status.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Shorthand for the most common case: one input failed validation. */
export function badInput(field: string, message: string): DomainError {
  return new DomainError("BAD_INPUT", message, field);
}
