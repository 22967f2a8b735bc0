import { describe, expect, it } from "vitest";
import { generateSecretToken, hashSecretToken, isWellFormedToken } from "../src/auth/secret-token";

describe("secret tokens", () => {
  it("are 32 base32 characters, unique, and hash to hex SHA-256", () => {
    const a = generateSecretToken();
    const b = generateSecretToken();
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(a).not.toBe(b);
    expect(hashSecretToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretToken(a)).toBe(hashSecretToken(a));
    expect(hashSecretToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it.each([null, 42, "", "short", "A".repeat(32), `${"a".repeat(31)}!`, "a".repeat(33)])(
    "rejects malformed %j",
    (value) => {
      expect(isWellFormedToken(value)).toBe(false);
    },
  );
});
