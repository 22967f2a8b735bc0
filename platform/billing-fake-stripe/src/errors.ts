/** A failure the fake reports in Stripe's error envelope, so the SDK raises its own error types. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: "invalid_request_error" | "authentication_error" | "idempotency_error",
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message);
  }

  body() {
    return {
      error: { type: this.type, message: this.message, param: this.param, code: this.code },
    };
  }
}

export const missing = (kind: string, id: string, param = "id") =>
  new StripeApiError(
    404,
    "invalid_request_error",
    `No such ${kind}: '${id}'`,
    param,
    "resource_missing",
  );

export const required = (param: string) =>
  new StripeApiError(
    400,
    "invalid_request_error",
    `Missing required param: ${param}.`,
    param,
    "parameter_missing",
  );
