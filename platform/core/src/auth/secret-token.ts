import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

const TOKEN_BYTES = 20;
/** 20 bytes in unpadded base32 is exactly 32 characters of a–z and 2–7. */
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/** A fresh 160-bit bearer secret (session, invitation or handoff), as in Lucia's guide. */
export function generateSecretToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What the database stores instead of the token: a leaked table grants nothing. */
export function hashSecretToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Cheap shape check, so garbage never reaches a query. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}
