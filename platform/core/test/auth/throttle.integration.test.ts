import { describe, expect, it } from "vitest";
import { passwordSignIn } from "../../src/auth/mfa/password-sign-in";
import { lockSecondsFor, MAX_LOCK_SECONDS } from "../../src/auth/throttle/login-throttle";
import { setupWorld } from "../helpers";
import { PASSWORD } from "../seed";

const SECRET = "omnify-secret-for-throttle-tests-0123";
const s = setupWorld();
const at = (t0: Date, seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("login throttling", () => {
  it("escalates 1, 2, 4 … seconds and caps at 300", () => {
    const locks = Array.from({ length: 14 }, (_, i) => lockSecondsFor("email", i + 1));
    expect(locks.slice(0, 8)).toEqual([0, 0, 0, 1, 2, 4, 8, 16]);
    expect(locks.at(-1)).toBe(MAX_LOCK_SECONDS);
  });

  it("locks an account out after repeated wrong passwords, even the right one, with one message", async () => {
    const t0 = new Date("2031-05-01T10:00:00Z");
    const email = s.w.users.member.email;
    const wrong = { tenant: s.alpha, email, password: "wrong-password-1", ip: "203.0.113.9" };
    for (let i = 0; i < 4; i++) {
      expect(await passwordSignIn(s.t.app, wrong, SECRET, t0)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // The fourth failure locked the account for 1 s: the right password is refused too.
    const right = { ...wrong, password: PASSWORD, ip: "198.51.100.7" };
    expect(await passwordSignIn(s.t.app, right, SECRET, t0)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 1,
    });
    // Once the lock passes, another failure locks for 2 s, then 4 s.
    expect((await passwordSignIn(s.t.app, wrong, SECRET, at(t0, 1))).ok).toBe(false);
    expect(await passwordSignIn(s.t.app, right, SECRET, at(t0, 2))).toMatchObject({
      retryAfterSeconds: 1,
    });
    expect((await passwordSignIn(s.t.app, wrong, SECRET, at(t0, 3))).ok).toBe(false);
    expect(await passwordSignIn(s.t.app, right, SECRET, at(t0, 3))).toMatchObject({
      retryAfterSeconds: 4,
    });
    // After the lock, the right password works and clears the account's counter.
    expect((await passwordSignIn(s.t.app, right, SECRET, at(t0, 7))).ok).toBe(true);
    expect((await passwordSignIn(s.t.app, wrong, SECRET, at(t0, 8))).ok).toBe(false);
    expect((await passwordSignIn(s.t.app, right, SECRET, at(t0, 8))).ok).toBe(true);
  });

  it("throttles an unknown e-mail exactly like a real one", async () => {
    const t0 = new Date("2031-06-01T10:00:00Z");
    const ghost = {
      tenant: s.alpha,
      email: "nobody@people.test",
      password: "whatever-123",
      ip: null,
    };
    for (let i = 0; i < 4; i++) await passwordSignIn(s.t.app, ghost, SECRET, t0);
    expect(await passwordSignIn(s.t.app, ghost, SECRET, t0)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 1,
    });
  });

  it("locks an IP that sprays many accounts, and stores no address in clear", async () => {
    const t0 = new Date("2031-07-01T10:00:00Z");
    const ip = "192.0.2.44";
    for (let i = 0; i < 21; i++) {
      await passwordSignIn(
        s.t.app,
        { tenant: s.alpha, email: `spray${i}@x.test`, password: "guess-guess", ip },
        SECRET,
        t0,
      );
    }
    const fresh = { tenant: s.alpha, email: s.w.users.admin.email, password: PASSWORD, ip };
    expect(await passwordSignIn(s.t.app, fresh, SECRET, t0)).toMatchObject({ reason: "throttled" });
    const rows = await s.t.admin`select key from login_attempts`;
    for (const r of rows) expect(String(r.key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("counts a member of another tenant signing in here as a failure", async () => {
    const t0 = new Date("2031-08-01T10:00:00Z");
    const input = { tenant: s.beta, email: s.w.users.owner.email, password: PASSWORD, ip: null };
    expect(await passwordSignIn(s.t.app, input, SECRET, t0)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
