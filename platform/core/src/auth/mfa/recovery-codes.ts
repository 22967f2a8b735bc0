import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { hashSecretToken } from "../secret-token";

export const RECOVERY_CODE_COUNT = 10;

/**
 * Ten random codes of 80 bits each, shown once as `xxxx-xxxx-xxxx-xxxx`. They are stored as
 * plain SHA-256, not argon2: slow hashing protects low-entropy secrets people choose, while
 * 80 random bits cannot be brute-forced offline whatever the hash, and a fast hash lets the
 * database find a code by an indexed, unique lookup.
 */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = new Uint8Array(10);
    crypto.getRandomValues(bytes);
    const raw = encodeBase32LowerCaseNoPadding(bytes);
    return raw.match(/.{4}/g)?.join("-") ?? raw;
  });
}

/** Case, spaces and dashes do not matter when a person types a code back. */
export function normaliseRecoveryCode(input: string): string | null {
  const raw = input.toLowerCase().replace(/[\s-]+/g, "");
  return /^[a-z2-7]{16}$/.test(raw) ? raw : null;
}

export const hashRecoveryCode = (normalised: string): string => hashSecretToken(normalised);
