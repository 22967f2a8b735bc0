/** A host API call was refused or failed; `code` is stable (e.g. 'capability', 'ssrf'). */
export class HostApiError extends Error {
  override name = "HostApiError";
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
