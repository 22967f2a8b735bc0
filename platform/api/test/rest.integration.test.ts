import { markSessionReauthenticated } from "@omnify/core";
import { describe, expect, it } from "vitest";
import { createRestFetchHandler, generateOpenApiDocument } from "../src/index";
import { setupApi } from "./harness";

const api = setupApi();
const { world: s } = api;
const CLIENT = "client.alpha.omnify.test";

/** An admin whose session just confirmed their password, as step-up requires. */
async function confirmedAdmin() {
  const token = await api.signIn(s.w.client, s.w.users.owner.id);
  await markSessionReauthenticated(api.deps().db, s.w.client, token);
  return api.callerFor(CLIENT, token);
}

/** A key for the client sub-account, created through the portal procedure. */
async function newKey(scopes: string[]) {
  const caller = await confirmedAdmin();
  return caller.apiKeys.create({ name: "Zapier", scopes, expiresInDays: 30 });
}

const call = (
  handle: ReturnType<typeof createRestFetchHandler>,
  key: string | null,
  path: string,
  init: { method?: string; body?: unknown; host?: string } = {},
) => {
  const host = init.host ?? "omnify.test";
  return handle(
    new Request(`http://${host}/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: {
        host,
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    }),
  );
};

describe("REST API", () => {
  it("lists members with a read key, on the platform host or the key's own host", async () => {
    const handle = createRestFetchHandler(api.deps());
    const { key } = await newKey(["members:read"]);
    for (const host of ["omnify.test", CLIENT]) {
      const res = await call(handle, key, "/members", { host });
      expect(res.status).toBe(200);
      expect(res.headers.get("RateLimit-Limit")).toBe("120");
      const body = await res.json();
      expect(body.members.map((m: { email: string }) => m.email)).toContain(
        s.w.users.clientUser.email,
      );
      expect(typeof body.members[0].joinedAt).toBe("string");
    }
  });

  it("refuses a host that belongs to another tenant", async () => {
    const handle = createRestFetchHandler(api.deps());
    const { key } = await newKey(["members:read"]);
    const res = await call(handle, key, "/members", { host: "beta.omnify.test" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/another workspace/);
  });

  it("answers 401 without, or with a revoked, key and 403 without the scope", async () => {
    const handle = createRestFetchHandler(api.deps());
    const missing = await call(handle, null, "/members");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);

    const created = await newKey(["members:read"]);
    const write = await call(handle, created.key, "/members/invitations", {
      method: "POST",
      body: { email: "x@example.test", role: "subaccount_member" },
    });
    expect(write.status).toBe(403);
    expect((await write.json()).error.message).toContain("members:write");

    const caller = await confirmedAdmin();
    await caller.apiKeys.revoke({ id: created.id });
    const revoked = await call(handle, created.key, "/members");
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/revoked/);
  });

  it("invites through POST with a write key, and names a bad field", async () => {
    const handle = createRestFetchHandler(api.deps());
    const { key } = await newKey(["members:write"]);
    const ok = await call(handle, key, "/members/invitations", {
      method: "POST",
      body: { email: "rest-invitee@example.test", role: "subaccount_member" },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).invitationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.mailer.sent.at(-1)?.to).toBe("rest-invitee@example.test");

    const bad = await call(handle, key, "/members/invitations", {
      method: "POST",
      body: { email: "nope", role: "subaccount_member" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("email");
    const notJson = await handle(
      new Request("http://omnify.test/api/v1/members/invitations", {
        method: "POST",
        headers: { authorization: `Bearer ${key}` },
        body: "{",
      }),
    );
    expect((await notJson.json()).error.field).toBe("body");
  });

  it("serves the key's tenant's branding, and 404/405 for unknown routes", async () => {
    const handle = createRestFetchHandler(api.deps());
    const { key } = await newKey(["settings:read"]);
    const res = await call(handle, key, "/branding");
    expect(await res.json()).toMatchObject({ kind: "subaccount", slug: "client" });
    expect((await call(handle, key, "/nope")).status).toBe(404);
    expect((await call(handle, key, "/branding", { method: "POST" })).status).toBe(405);
  });

  it("lets exactly `limit` of many concurrent requests through, then 429s", async () => {
    const handle = createRestFetchHandler(api.deps(), {
      rateLimit: { limit: 4, windowSeconds: 3600 },
    });
    const { key } = await newKey(["members:read"]);
    const responses = await Promise.all(
      Array.from({ length: 9 }, () => call(handle, key, "/members")),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
    const limited = responses.filter((r) => r.status === 429);
    expect(limited).toHaveLength(5);
    const headers = limited[0]?.headers;
    expect(Number(headers?.get("Retry-After"))).toBeGreaterThan(0);
    expect(headers?.get("RateLimit-Remaining")).toBe("0");
    expect(headers?.get("RateLimit-Policy")).toBe("4;w=3600");
  });
});

/** Walks a JSON document by keys. */
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

describe("OpenAPI document", () => {
  it("describes every opted-in procedure with its scope and zod-derived schemas", () => {
    const doc = generateOpenApiDocument({ baseUrl: "https://omnify.test/api/v1" });
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/branding",
      "/members",
      "/members/invitations",
    ]);
    const invite = at(doc.paths, "/members/invitations", "post");
    expect(at(invite, "x-required-scope")).toBe("members:write");
    const schema = at(invite, "requestBody", "content", "application/json", "schema");
    expect(at(schema, "required")).toEqual(["email", "role"]);
    expect(at(schema, "properties", "role", "enum")).toContain("subaccount_member");
    const out = at(
      doc.paths,
      "/members",
      "get",
      "responses",
      "200",
      "content",
      "application/json",
      "schema",
    );
    expect(at(out, "properties", "members", "items", "properties", "joinedAt")).toEqual({
      type: "string",
      format: "date-time",
    });
  });
});
