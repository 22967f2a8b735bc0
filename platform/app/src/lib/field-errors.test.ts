import { describe, expect, it } from "vitest";
import { fieldErrors } from "./field-errors";

const trpcError = (message: string, data: unknown) => Object.assign(new Error(message), { data });

describe("fieldErrors", () => {
  it("is empty without an error", () => {
    expect(fieldErrors(null)).toEqual({ fields: {}, form: null });
  });

  it("puts a domain error beside its field", () => {
    const error = trpcError("Enter a valid e-mail address", { field: "email", fieldErrors: null });
    expect(fieldErrors(error)).toEqual({
      fields: { email: "Enter a valid e-mail address" },
      form: null,
    });
  });

  it("maps zod issues per input key", () => {
    const error = trpcError("bad", { field: null, fieldErrors: { role: ["Invalid option"] } });
    expect(fieldErrors(error).fields).toEqual({ role: "Invalid option" });
  });

  it("falls back to a form-level message", () => {
    const error = trpcError("Only owners and admins can do this", { field: null });
    expect(fieldErrors(error)).toEqual({ fields: {}, form: "Only owners and admins can do this" });
  });
});
