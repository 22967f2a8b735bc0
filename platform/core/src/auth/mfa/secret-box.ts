import { hkdfSync, randomBytes } from "node:crypto";
import { decryptWith, encryptWith, type Sealed } from "../../plugins/secrets/envelope";

/**
 * TOTP secrets are encrypted at rest with AES-256-GCM (the plugin-secret primitives) under
 * a key derived from OMNIFY_SECRET with its own HKDF label, so a database dump alone yields
 * no second factor. The user id is bound in as additional data: a ciphertext copied onto
 * another user's row fails to decrypt.
 */
function mfaKey(omnifySecret: string): Buffer {
  if (omnifySecret.length < 16) throw new Error("OMNIFY_SECRET must be at least 16 characters");
  return Buffer.from(hkdfSync("sha256", omnifySecret, "omnify", "mfa-totp-secret:v1", 32));
}

const aad = (userId: string) => `mfa-totp/${userId}`;

/** A fresh 160-bit TOTP key (RFC 4226's recommended length). */
export const newTotpKey = (): Uint8Array => new Uint8Array(randomBytes(20));

export function sealTotpKey(omnifySecret: string, userId: string, key: Uint8Array): Sealed {
  return encryptWith(mfaKey(omnifySecret), Buffer.from(key).toString("base64"), aad(userId));
}

export function openTotpKey(omnifySecret: string, userId: string, sealed: Sealed): Uint8Array {
  const b64 = decryptWith(mfaKey(omnifySecret), sealed, aad(userId));
  return new Uint8Array(Buffer.from(b64, "base64"));
}
