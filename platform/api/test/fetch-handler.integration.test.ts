import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createTrpcFetchHandler } from "../src/index";
import { setupApi } from "./harness";

const api = setupApi();
const { world: s } = api;

const post = (host: string, path: string, input: unknown) =>
  new Request(`http://${host}/api/trpc/${path}`, {
    method: "POST",
    headers: {
      host,
      "content-type": "application/json",
      "x-omnify-csrf": "1",
      origin: `https://${host}`,
    },
    body: JSON.stringify(superjson.serialize(input)),
  });

describe("createTrpcFetchHandler", () => {
  it("serves queries over HTTP with the session token passed by the route", async () => {
    const handle = createTrpcFetchHandler(api.deps());
    const res = await handle(new Request("http://alpha.omnify.test/api/trpc/branding.get"), null);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(superjson.deserialize(body.result.data)).toMatchObject({ name: "Alpha Agency" });

    const unauth = await handle(
      new Request("http://alpha.omnify.test/api/trpc/members.find"),
      null,
    );
    expect(unauth.status).toBe(401);
    const token = await api.signIn(s.w.alpha, s.w.users.owner.id);
    const ok = await handle(new Request("http://alpha.omnify.test/api/trpc/members.find"), token);
    expect(ok.status).toBe(200);
  });

  it("exposes the DomainError field and maps its code to the HTTP status", async () => {
    const handle = createTrpcFetchHandler(api.deps());
    const token = await api.signIn(s.w.alpha, s.w.users.owner.id);
    const bad = await handle(
      post("alpha.omnify.test", "members.invite", { email: "nope", role: "agency_member" }),
      token,
    );
    expect(bad.status).toBe(400);
    const error = (await bad.json()).error;
    expect(error.json.message).toBe("Enter a valid e-mail address");
    expect(error.json.data).toMatchObject({ code: "BAD_REQUEST", field: "email" });

    const dup = await handle(
      post("alpha.omnify.test", "members.invite", {
        email: "admin@people.test",
        role: "agency_member",
      }),
      token,
    );
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.json.data).toMatchObject({ code: "CONFLICT", field: "email" });
  });

  it("reports zod input errors per field", async () => {
    const handle = createTrpcFetchHandler(api.deps());
    const token = await api.signIn(s.w.alpha, s.w.users.owner.id);
    const res = await handle(
      post("alpha.omnify.test", "members.invite", { email: "a@b.test", role: "emperor" }),
      token,
    );
    expect(res.status).toBe(400);
    const data = (await res.json()).error.json.data;
    expect(data.field).toBeNull();
    expect(Object.keys(data.fieldErrors)).toEqual(["role"]);
  });

  it("answers 404 for an unknown host", async () => {
    const handle = createTrpcFetchHandler(api.deps());
    const res = await handle(new Request("http://nobody.omnify.test/api/trpc/branding.get"), null);
    expect(res.status).toBe(404);
  });
});
