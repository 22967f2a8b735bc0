import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { generateHOTP } from "@oslojs/otp";

/** RFC 6238 defaults that every authenticator app understands. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side absorbs clock drift and the seconds it takes to type a code. */
const DRIFT_STEPS = 1;

/** The 30-second time step `now` falls in. */
export const timeStep = (now: Date): number =>
  Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);

const encoder = new TextEncoder();

/**
 * The time step whose code equals `code`, or null. Returning the step (rather than a
 * boolean, as @oslojs/otp's verifyTOTP does) is what lets the caller refuse a replay:
 * a step at or before the last accepted one is never accepted again.
 */
export function matchTotpStep(key: Uint8Array, code: string, now: Date): number | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const current = timeStep(now);
  let matched: number | null = null;
  // Check every candidate step (no early exit) so timing does not reveal which one matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    const expected = generateHOTP(key, BigInt(step), TOTP_DIGITS);
    if (constantTimeEqual(encoder.encode(expected), encoder.encode(digits))) matched = step;
  }
  return matched;
}
