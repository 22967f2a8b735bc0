import { generateRandomString, type RandomReader } from "@oslojs/crypto/random";

/** Public ids are lowercase base32 so keys survive copy-paste and URL-safe contexts. */
const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const PREFIX_ID_LENGTH = 8;
export const KEY_PREFIX_HEAD = "omk_live_";
const KEY_SHAPE = /^(omk_live_[a-z2-7]{8})_([a-z2-7]{32})$/;

export const cryptoRandom: RandomReader = {
  read: (bytes) => {
    crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
  },
};

/** A fresh public id such as `omk_live_ab12cd34` (40 bits: unique, not secret). */
export function generateKeyPrefix(): string {
  return KEY_PREFIX_HEAD + generateRandomString(cryptoRandom, PREFIX_ALPHABET, PREFIX_ID_LENGTH);
}

/** Splits `<prefix>_<secret>`; null for anything else, so garbage never reaches a query. */
export function parseApiKey(raw: string): { prefix: string; secret: string } | null {
  const match = KEY_SHAPE.exec(raw.trim());
  if (!match) return null;
  return { prefix: match[1] as string, secret: match[2] as string };
}
