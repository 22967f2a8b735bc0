/** A refusal in Paystack's envelope: `{ status: false, message }` with an HTTP status. */
export class PaystackApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  body() {
    return { status: false, message: this.message };
  }
}

export const bad = (message: string) => new PaystackApiError(400, message);
export const notFound = (message: string) => new PaystackApiError(404, message);
