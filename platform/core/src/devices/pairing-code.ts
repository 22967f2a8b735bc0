import { generateRandomString } from "@oslojs/crypto/random";
import { cryptoRandom } from "../api-keys/key-format";

/** No 0/O, 1/I/L: a person reads the code off a screen across a room and types it. */
export const PAIRING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PAIRING_CODE_LENGTH = 8;
const CODE_SHAPE = new RegExp(`^[${PAIRING_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`);

export function generatePairingCode(): string {
  return generateRandomString(cryptoRandom, PAIRING_ALPHABET, PAIRING_CODE_LENGTH);
}

/** What a person typed ("abcd-2345", " ABCD 2345 ") as the stored form, or null. */
export function normalizePairingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return CODE_SHAPE.test(code) ? code : null;
}
