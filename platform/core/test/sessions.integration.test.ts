import { describe, expect, it } from "vitest";
import {
  createAuthSession,
  listAuthSessions,
  revokeAllSessionsForUser,
  revokeAuthSession,
  revokeAuthSessionById,
  SESSION_TTL_MS,
  validateAuthSession,
} from "../src/auth/sessions";

import { setupWorld } from "./helpers";

const s = setupWorld();

const DAY = 86_400_000;

describe("auth sessions", () => {
  it("creates a session whose token is never stored in clear", async () => {
    const { token, expiresAt } = await createAuthSession(s.t.app, {
      tenantId: s.w.alpha,
      userId: s.w.users.owner.id,
      ip: "203.0.113.7",
      userAgent: "vitest",
    });
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);
    const rows = await s.t.admin`select * from auth_sessions where user_id = ${s.w.users.owner.id}`;
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("validates a live token and returns the user", async () => {
    const { token } = await createAuthSession(s.t.app, {
      tenantId: s.w.alpha,
      userId: s.w.users.admin.id,
    });
    const session = await validateAuthSession(s.t.app, s.w.alpha, token);
    expect(session).toMatchObject({
      userId: s.w.users.admin.id,
      user: {
        id: s.w.users.admin.id,
        email: s.w.users.admin.email,
        name: "admin",
        isPlatformAdmin: false,
      },
    });
  });

  it("finds the user of a session even without a membership (platform admin)", async () => {
    const { token } = await createAuthSession(s.t.app, {
      tenantId: s.w.beta,
      userId: s.w.users.platformAdmin.id,
    });
    const session = await validateAuthSession(s.t.app, s.w.beta, token);
    expect(session?.user).toMatchObject({ isPlatformAdmin: true });
  });

  it.each([null, undefined, "", "not-a-token", "a".repeat(32)])("rejects %j", async (token) => {
    expect(await validateAuthSession(s.t.app, s.w.alpha, token)).toBeNull();
  });

  it("rejects a token on another tenant", async () => {
    const { token } = await createAuthSession(s.t.app, {
      tenantId: s.w.alpha,
      userId: s.w.users.owner.id,
    });
    expect(await validateAuthSession(s.t.app, s.w.beta, token)).toBeNull();
    expect(await validateAuthSession(s.t.app, s.w.client, token)).toBeNull();
  });

  it("rejects an expired session", async () => {
    const past = new Date(Date.now() - SESSION_TTL_MS - DAY);
    const { token } = await createAuthSession(
      s.t.app,
      { tenantId: s.w.alpha, userId: s.w.users.owner.id },
      past,
    );
    expect(await validateAuthSession(s.t.app, s.w.alpha, token)).toBeNull();
  });

  it("renews a session with under 15 days left and touches last_seen_at", async () => {
    const created = new Date(Date.now() - 20 * DAY);
    const { token, expiresAt } = await createAuthSession(
      s.t.app,
      { tenantId: s.w.alpha, userId: s.w.users.member.id },
      created,
    );
    const now = new Date();
    const session = await validateAuthSession(s.t.app, s.w.alpha, token, now);
    expect(session?.expiresAt.getTime()).toBe(now.getTime() + SESSION_TTL_MS);
    expect(session?.expiresAt.getTime()).toBeGreaterThan(expiresAt.getTime());
    const [row] = await s.t
      .admin`select last_seen_at, expires_at from auth_sessions where id = ${session?.sessionId ?? ""}`;
    expect(row?.last_seen_at.getTime()).toBe(now.getTime());
    expect(row?.expires_at.getTime()).toBe(now.getTime() + SESSION_TTL_MS);
  });

  it("writes last_seen_at at most once a minute", async () => {
    const start = new Date();
    const { token } = await createAuthSession(
      s.t.app,
      { tenantId: s.w.alpha, userId: s.w.users.member.id },
      start,
    );
    const s1 = await validateAuthSession(
      s.t.app,
      s.w.alpha,
      token,
      new Date(start.getTime() + 30_000),
    );
    const [r1] = await s.t
      .admin`select last_seen_at from auth_sessions where id = ${s1?.sessionId ?? ""}`;
    expect(r1?.last_seen_at.getTime()).toBe(start.getTime());
    const later = new Date(start.getTime() + 61_000);
    await validateAuthSession(s.t.app, s.w.alpha, token, later);
    const [r2] = await s.t
      .admin`select last_seen_at from auth_sessions where id = ${s1?.sessionId ?? ""}`;
    expect(r2?.last_seen_at.getTime()).toBe(later.getTime());
  });

  it("revokes one session; the revoked token is then rejected", async () => {
    const { token } = await createAuthSession(s.t.app, {
      tenantId: s.w.alpha,
      userId: s.w.users.owner.id,
    });
    expect(await revokeAuthSession(s.t.app, s.w.alpha, token)).toBe(true);
    expect(await validateAuthSession(s.t.app, s.w.alpha, token)).toBeNull();
    expect(await revokeAuthSession(s.t.app, s.w.alpha, token)).toBe(false);
    expect(await revokeAuthSession(s.t.app, s.w.alpha, "garbage")).toBe(false);
  });

  it("lists a user's live sessions and revokes them all", async () => {
    const user = s.w.users.clientUser.id;
    const a = await createAuthSession(s.t.app, {
      tenantId: s.w.client,
      userId: user,
      userAgent: "A",
    });
    const b = await createAuthSession(s.t.app, {
      tenantId: s.w.client,
      userId: user,
      userAgent: "B",
    });
    const listed = await listAuthSessions(s.t.app, s.w.client, user);
    expect(listed.map((s) => s.userAgent).sort()).toEqual(["A", "B"]);
    expect(await listAuthSessions(s.t.app, s.w.alpha, user)).toEqual([]);

    const first = listed.find((s) => s.userAgent === "A");
    expect(await revokeAuthSessionById(s.t.app, s.w.client, first?.id ?? "")).toBe(true);
    expect(await validateAuthSession(s.t.app, s.w.client, a.token)).toBeNull();

    expect(await revokeAllSessionsForUser(s.t.app, s.w.client, user)).toBe(1);
    expect(await validateAuthSession(s.t.app, s.w.client, b.token)).toBeNull();
    expect(await listAuthSessions(s.t.app, s.w.client, user)).toEqual([]);
  });
});
