import { describe, expect, it } from "vitest";
import { hashSecretToken } from "../../src/auth/secret-token";
import { createAuthSession, validateAuthSession } from "../../src/auth/sessions";
import { listOwnSessions, revokeOwnSession } from "../../src/auth/step-up/own-sessions";
import { isRecentlyAuthenticated, reauthenticate } from "../../src/auth/step-up/reauthenticate";
import { domainFailure, setupWorld } from "../helpers";
import { PASSWORD } from "../seed";

const SECRET = "omnify-secret-for-step-up-tests-0123";
const s = setupWorld();

describe("step-up reauthentication", () => {
  it("stamps the session only for the right password", async () => {
    const { id: userId, email } = s.w.users.member;
    const { token } = await createAuthSession(s.t.app, { tenantId: s.alpha.id, userId });
    const sessionId = hashSecretToken(token);
    const before = await validateAuthSession(s.t.app, s.alpha.id, token);
    expect(before && isRecentlyAuthenticated(before)).toBe(false);

    const run = (password: string) =>
      s.t.app.withTenant(
        s.alpha.id,
        (tx) => reauthenticate(s.t.app, tx, { userId, email, sessionId, password }, SECRET),
        { userId },
      );
    expect((await domainFailure(run("not-my-password"))).field).toBe("password");
    await run(PASSWORD);
    const after = await validateAuthSession(s.t.app, s.alpha.id, token);
    expect(after && isRecentlyAuthenticated(after)).toBe(true);
    expect(after && isRecentlyAuthenticated(after, new Date(Date.now() + 11 * 60_000))).toBe(false);
  });
});

describe("own sessions", () => {
  it("lists them with the current one marked, and revokes only the user's own", async () => {
    const { id: userId } = s.w.users.admin;
    const a = await createAuthSession(s.t.app, { tenantId: s.alpha.id, userId, userAgent: "A" });
    const b = await createAuthSession(s.t.app, { tenantId: s.alpha.id, userId, userAgent: "B" });
    const other = await createAuthSession(s.t.app, {
      tenantId: s.alpha.id,
      userId: s.w.users.owner.id,
    });
    const current = hashSecretToken(a.token);
    const inTx = <T>(fn: Parameters<typeof s.t.app.withTenant<T>>[1]) =>
      s.t.app.withTenant(s.alpha.id, fn, { userId });

    const list = await inTx((tx) => listOwnSessions(tx, { userId, currentSessionId: current }));
    expect(list.map((x) => [x.userAgent, x.current]).sort()).toEqual([
      ["A", true],
      ["B", false],
    ]);

    const stranger = await domainFailure(
      inTx((tx) =>
        revokeOwnSession(tx, {
          userId,
          sessionId: hashSecretToken(other.token),
          currentSessionId: current,
        }),
      ),
    );
    expect(stranger.code).toBe("NOT_FOUND");
    expect(await validateAuthSession(s.t.app, s.alpha.id, other.token)).not.toBeNull();

    const revoked = await inTx((tx) =>
      revokeOwnSession(tx, {
        userId,
        sessionId: hashSecretToken(b.token),
        currentSessionId: current,
      }),
    );
    expect(revoked.current).toBe(false);
    expect(await validateAuthSession(s.t.app, s.alpha.id, b.token)).toBeNull();
  });
});
