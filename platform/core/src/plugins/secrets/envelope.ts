import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Envelope encryption for plugin secrets. Each installation has its own random data key
 * (DEK); the DEK is stored wrapped by a key-encryption key (KEK) derived from OMNIFY_SECRET
 * with HKDF under a version label, so rotating means adding a version, not re-deriving data.
 */
export const CURRENT_KEY_VERSION = 1;

export type Sealed = { ciphertext: string; iv: string; tag: string };
export type SealedSecret = Sealed & { wrappedKey: string; keyVersion: number };

const b64 = (b: Buffer) => b.toString("base64");

/** The KEK for a key version. Exported for rotation tooling and tests only. */
export function deriveKek(omnifySecret: string, keyVersion: number): Buffer {
  if (omnifySecret.length < 16) throw new Error("OMNIFY_SECRET must be at least 16 characters");
  return Buffer.from(
    hkdfSync("sha256", omnifySecret, "omnify", `plugin-secrets-kek:v${keyVersion}`, 32),
  );
}

function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext: b64(ciphertext), iv: b64(iv), tag: b64(cipher.getAuthTag()) };
}

function open(key: Buffer, s: Sealed, aad: string): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(s.iv, "base64"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(s.tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(s.ciphertext, "base64")), decipher.final()]);
}

/** `wrapped_key` packs the wrapping's iv, tag and ciphertext as "iv.tag.ciphertext". */
const packWrapped = (s: Sealed) => `${s.iv}.${s.tag}.${s.ciphertext}`;
function unpackWrapped(packed: string): Sealed {
  const [iv, tag, ciphertext] = packed.split(".");
  if (!iv || !tag || !ciphertext) throw new Error("malformed wrapped key");
  return { iv, tag, ciphertext };
}

/**
 * Binding data: a ciphertext copied to another tenant, plugin or secret name fails to
 * decrypt, so a row cannot be moved to leak elsewhere.
 */
export const secretAad = (tenantId: string, pluginId: string, name: string) =>
  `${tenantId}/${pluginId}/${name}`;

/** A fresh data key, wrapped under the current KEK. */
export function newWrappedKey(omnifySecret: string, aad: string) {
  const dek = randomBytes(32);
  const wrapped = seal(deriveKek(omnifySecret, CURRENT_KEY_VERSION), dek, `dek:${aad}`);
  return { dek, wrappedKey: packWrapped(wrapped), keyVersion: CURRENT_KEY_VERSION };
}

export function unwrapKey(
  omnifySecret: string,
  wrappedKey: string,
  keyVersion: number,
  aad: string,
) {
  return open(deriveKek(omnifySecret, keyVersion), unpackWrapped(wrappedKey), `dek:${aad}`);
}

export function encryptWith(dek: Buffer, value: string, aad: string): Sealed {
  return seal(dek, Buffer.from(value, "utf8"), aad);
}

export function decryptWith(dek: Buffer, sealed: Sealed, aad: string): string {
  return open(dek, sealed, aad).toString("utf8");
}
