import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { beginMfaEnrolment, confirmMfaEnrolment } from "../../src/auth/mfa/enrol";
import { passwordSignIn } from "../../src/auth/mfa/password-sign-in";
import { setRequireMfa } from "../../src/auth/mfa/require-mfa";
import { timeStep } from "../../src/auth/mfa/totp";
import { getMfaStatus, verifySecondFactor } from "../../src/auth/mfa/verify";
import { domainFailure, setupWorld } from "../helpers";
import { PASSWORD } from "../seed";

const SECRET = "omnify-secret-for-mfa-tests-0123456789";
const s = setupWorld();

/** The code an authenticator app would show at `at`. */
const codeAt = (secret: string, at: Date) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(timeStep(at)), 6);

async function enrol(userId: string, email: string, at: Date) {
  const started = await s.t.app.withoutTenant(
    (tx) => beginMfaEnrolment(tx, { userId, email, issuer: "Alpha Agency" }, SECRET),
    { userId },
  );
  const { recoveryCodes } = await s.t.app.withoutTenant(
    (tx) => confirmMfaEnrolment(tx, { userId, code: codeAt(started.secret, at) }, SECRET, at),
    { userId },
  );
  return { ...started, recoveryCodes };
}

describe("TOTP enrolment", () => {
  it("stores the secret encrypted, shows a QR code and needs a valid code to confirm", async () => {
    const { id: userId, email } = s.w.users.member;
    const started = await s.t.app.withoutTenant(
      (tx) => beginMfaEnrolment(tx, { userId, email, issuer: "Alpha Agency" }, SECRET),
      { userId },
    );
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Alpha%20Agency:/);
    expect(started.qrSvg).toContain("<svg");
    const [row] = await s.t
      .admin`select secret_ciphertext, enabled_at from user_mfa where user_id = ${userId}`;
    expect(row?.enabled_at).toBeNull();
    expect(String(row?.secret_ciphertext)).not.toContain(started.secret);

    const wrong = await domainFailure(
      s.t.app.withoutTenant((tx) => confirmMfaEnrolment(tx, { userId, code: "000000" }, SECRET), {
        userId,
      }),
    );
    expect(wrong.field).toBe("code");
    const status = await s.t.app.withoutTenant((tx) => getMfaStatus(tx, userId), { userId });
    expect(status).toEqual({ enabled: false, pending: true, recoveryCodesLeft: 0 });
  });

  it("issues ten recovery codes, stored only as hashes", async () => {
    const { id: userId, email } = s.w.users.admin;
    const { recoveryCodes } = await enrol(userId, email, new Date());
    expect(recoveryCodes).toHaveLength(10);
    const rows = await s.t
      .admin`select code_hash from mfa_recovery_codes where user_id = ${userId}`;
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(recoveryCodes).not.toContain(r.code_hash);
  });
});

describe("second factor at sign-in", () => {
  it("asks for a code after the right password, and refuses a replayed TOTP code", async () => {
    const { id: userId, email } = s.w.users.owner;
    const t0 = new Date("2030-01-01T00:00:00Z");
    const { secret } = await enrol(userId, email, t0);
    const base = { tenant: s.alpha, email, password: PASSWORD };

    expect(await passwordSignIn(s.t.app, base, SECRET, t0)).toEqual({
      ok: false,
      reason: "mfa_required",
    });
    // The enrolment's own code is already spent: the same time step is refused.
    const again = await passwordSignIn(s.t.app, { ...base, code: codeAt(secret, t0) }, SECRET, t0);
    expect(again).toEqual({ ok: false, reason: "mfa_invalid" });

    const t1 = new Date(t0.getTime() + 30_000);
    const code = codeAt(secret, t1);
    const first = await passwordSignIn(s.t.app, { ...base, code }, SECRET, t1);
    expect(first.ok).toBe(true);
    // Replayed a few seconds later, still inside its window: refused.
    const replay = await passwordSignIn(
      s.t.app,
      { ...base, code },
      SECRET,
      new Date(t1.getTime() + 5_000),
    );
    expect(replay).toEqual({ ok: false, reason: "mfa_invalid" });
  });

  it("accepts each recovery code once", async () => {
    const { id: userId, email } = s.w.users.clientUser;
    const { recoveryCodes } = await enrol(userId, email, new Date());
    const code = recoveryCodes[3]?.toUpperCase() ?? "";
    const verify = () =>
      s.t.app.withoutTenant((tx) => verifySecondFactor(tx, { userId, code }, SECRET), { userId });
    expect(await verify()).toBe("recovery");
    expect(await verify()).toBeNull();
    const status = await s.t.app.withoutTenant((tx) => getMfaStatus(tx, userId), { userId });
    expect(status.recoveryCodesLeft).toBe(9);
  });

  it("sends members of an agency that requires MFA to enrolment", async () => {
    const { email } = s.w.users.betaUser;
    const input = { tenant: s.beta, email, password: PASSWORD };
    const before = await passwordSignIn(s.t.app, input, SECRET);
    expect(before).toMatchObject({ ok: true, mustEnrolMfa: false });
    await s.t.app.withTenant(s.beta.id, (tx) => setRequireMfa(tx, s.beta.id, true));
    const after = await passwordSignIn(s.t.app, input, SECRET);
    expect(after).toMatchObject({ ok: true, mustEnrolMfa: true });
  });
});
