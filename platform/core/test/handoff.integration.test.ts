import { describe, expect, it } from "vitest";
import { consumeHandoffToken, createHandoffToken, HANDOFF_TTL_MS } from "../src/auth/handoff";

import { setupWorld } from "./helpers";

const s = setupWorld();

describe("handoff tokens", () => {
  it("are stored hashed and work exactly once", async () => {
    const { token } = await createHandoffToken(s.t.app, {
      targetTenantId: s.w.client,
      userId: s.w.users.owner.id,
    });
    const rows = await s.t
      .admin`select token_hash from handoff_tokens where tenant_id = ${s.w.client}`;
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(await consumeHandoffToken(s.t.app, s.w.client, token)).toBe(s.w.users.owner.id);
    expect(await consumeHandoffToken(s.t.app, s.w.client, token)).toBeNull();
  });

  it("let only one of two racing requests through", async () => {
    const { token } = await createHandoffToken(s.t.app, {
      targetTenantId: s.w.client,
      userId: s.w.users.owner.id,
    });
    const results = await Promise.all([
      consumeHandoffToken(s.t.app, s.w.client, token),
      consumeHandoffToken(s.t.app, s.w.client, token),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("expire after 60 seconds", async () => {
    const issued = new Date();
    const { token, expiresAt } = await createHandoffToken(
      s.t.app,
      { targetTenantId: s.w.client, userId: s.w.users.owner.id },
      issued,
    );
    expect(expiresAt.getTime() - issued.getTime()).toBe(HANDOFF_TTL_MS);
    const late = new Date(issued.getTime() + HANDOFF_TTL_MS + 1);
    expect(await consumeHandoffToken(s.t.app, s.w.client, token, late)).toBeNull();
  });

  it("do not work on another tenant, and a failed attempt does not burn them", async () => {
    const { token } = await createHandoffToken(s.t.app, {
      targetTenantId: s.w.client,
      userId: s.w.users.owner.id,
    });
    expect(await consumeHandoffToken(s.t.app, s.w.alpha, token)).toBeNull();
    expect(await consumeHandoffToken(s.t.app, s.w.other, token)).toBeNull();
    expect(await consumeHandoffToken(s.t.app, s.w.client, token)).toBe(s.w.users.owner.id);
  });

  it.each([null, undefined, "", "x".repeat(32), "nope"])("reject %j", async (token) => {
    expect(await consumeHandoffToken(s.t.app, s.w.client, token)).toBeNull();
  });
});
