import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeHex } from "@oslojs/encoding";
import { hashSecretToken } from "../auth/secret-token";

/**
 * Whether `secret` hashes to the stored hex digest, compared in constant time as Lucia's
 * guide asks: rows are found by a public id, so only this comparison touches the secret.
 */
export function secretMatchesHash(secret: string, storedHex: string | null): boolean {
  if (!storedHex || !/^[0-9a-f]{64}$/.test(storedHex)) return false;
  return constantTimeEqual(decodeHex(hashSecretToken(secret)), decodeHex(storedHex));
}
