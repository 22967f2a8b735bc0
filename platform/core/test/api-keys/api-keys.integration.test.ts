import { describe, expect, it } from "vitest";
import { authenticateApiKey, touchApiKey } from "../../src/api-keys/authenticate-api-key";
import { createApiKey } from "../../src/api-keys/create-api-key";
import { listApiKeys } from "../../src/api-keys/list-api-keys";
import { revokeApiKey } from "../../src/api-keys/revoke-api-key";
import { domainFailure, setupWorld } from "../helpers";

const s = setupWorld();

const create = (scopes: string[], extra: { name?: string; expiresInDays?: number } = {}) =>
  s.t.app.withTenant(s.w.client, (tx) =>
    createApiKey(tx, {
      tenantId: s.w.client,
      actorUserId: s.w.users.owner.id,
      name: extra.name ?? "CRM sync",
      scopes,
      expiresInDays: extra.expiresInDays ?? 30,
    }),
  );

const keyCount = async () => {
  const [row] = await s.t.admin<{ n: number }[]>`select count(*)::int as n from api_keys`;
  return row?.n ?? -1;
};

describe("API keys", () => {
  it("are shown once as <prefix>_<secret>, stored only as a hash, and authenticate", async () => {
    const created = await create(["members:read", "members:read", "settings:write"]);
    expect(created.key).toMatch(/^omk_live_[a-z2-7]{8}_[a-z2-7]{32}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);
    expect(created.scopes).toEqual(["members:read", "settings:write"]);
    const rows = await s.t.admin`select * from api_keys where id = ${created.id}`;
    expect(JSON.stringify(rows)).not.toContain(created.key.slice(created.prefix.length + 1));

    const principal = await authenticateApiKey(s.t.app, created.key);
    expect(principal).toMatchObject({
      keyId: created.id,
      tenantId: s.w.client,
      scopes: ["members:read", "settings:write"],
      tenantSlug: "client",
      agencySlug: "alpha",
    });
  });

  it("name the offending scope, field and all, and write nothing", async () => {
    const before = await keyCount();
    const unknown = await domainFailure(create(["billing:read"]));
    expect(unknown.field).toBe("scopes");
    expect(unknown.message).toContain('"billing:read"');
    const verb = await domainFailure(create(["members:delete"]));
    expect(verb.message).toContain('"members:delete"');
    const shape = await domainFailure(create(["members"]));
    expect(shape.message).toContain('"members"');
    expect((await domainFailure(create([]))).field).toBe("scopes");
    expect((await domainFailure(create(["members:read"], { name: " " }))).field).toBe("name");
    const days = await domainFailure(create(["members:read"], { expiresInDays: 0 }));
    expect(days.field).toBe("expiresInDays");
    expect(await keyCount()).toBe(before);
  });

  it("accept an installed plugin's id as a module", async () => {
    await s.t
      .admin`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256)
      values ('utm-links', '1.0.0', '{}', '', ${"0".repeat(64)}) on conflict do nothing`;
    await s.t
      .admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities)
      values (${s.w.client}, 'utm-links', '1.0.0', '{}')`;
    const created = await create(["utm-links:write"]);
    expect(created.scopes).toEqual(["utm-links:write"]);
    // Another tenant has not installed it.
    const other = await s.t.app.withTenant(s.w.beta, (tx) =>
      createApiKey(tx, {
        tenantId: s.w.beta,
        actorUserId: null,
        name: "x",
        scopes: ["utm-links:read"],
        expiresInDays: 1,
      }).catch((e: Error) => e),
    );
    expect((other as Error).message).toContain("unknown module");
  });

  it("refuse a revoked, expired, tampered or malformed key", async () => {
    const created = await create(["members:read"]);
    const tampered = `${created.key.slice(0, -1)}${created.key.endsWith("a") ? "b" : "a"}`;
    expect((await domainFailure(authenticateApiKey(s.t.app, tampered))).code).toBe("UNAUTHORIZED");
    expect((await domainFailure(authenticateApiKey(s.t.app, "omk_nope"))).code).toBe(
      "UNAUTHORIZED",
    );
    const later = new Date(created.expiresAt.getTime() + 1);
    const expired = await domainFailure(authenticateApiKey(s.t.app, created.key, later));
    expect(expired.message).toMatch(/expired/);

    await s.t.app.withTenant(s.w.client, (tx) =>
      revokeApiKey(tx, created.id, { actorUserId: null }),
    );
    const audit = await s.t
      .admin`select action, actor_user_id from audit_log where target_id = ${created.id} order by occurred_at`;
    expect(audit.map((r) => r.action)).toEqual(["apiKey.created", "apiKey.revoked"]);
    const revoked = await domainFailure(authenticateApiKey(s.t.app, created.key));
    expect(revoked.message).toMatch(/revoked/);
    const twice = await domainFailure(
      s.t.app.withTenant(s.w.client, (tx) => revokeApiKey(tx, created.id, { actorUserId: null })),
    );
    expect(twice.code).toBe("NOT_FOUND");
  });

  it("cannot be listed or revoked from another tenant", async () => {
    const created = await create(["members:read"]);
    const seenByBeta = await s.t.app.withTenant(s.w.beta, (tx) => listApiKeys(tx));
    expect(seenByBeta.map((k) => k.id)).not.toContain(created.id);
    const error = await domainFailure(
      s.t.app.withTenant(s.w.beta, (tx) => revokeApiKey(tx, created.id, { actorUserId: null })),
    );
    expect(error.code).toBe("NOT_FOUND");
    await authenticateApiKey(s.t.app, created.key);
  });

  it("record last use at most once a minute", async () => {
    const created = await create(["members:read"]);
    const t0 = new Date("2030-01-01T00:00:00Z");
    const touch = (at: Date) =>
      s.t.app.withTenant(s.w.client, (tx) => touchApiKey(tx, created.id, at));
    const lastUsed = async () =>
      (await s.t.app.withTenant(s.w.client, (tx) => listApiKeys(tx))).find(
        (k) => k.id === created.id,
      )?.lastUsedAt;
    await touch(t0);
    expect(await lastUsed()).toEqual(t0);
    await touch(new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await touch(t1);
    expect(await lastUsed()).toEqual(t1);
  });
});
