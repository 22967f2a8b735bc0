import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGithub, startFakeGithub } from "../src/fake-github";

/** The fake's wire format, as an OAuth client (openid-client, via next-auth) speaks it. */
let gh: FakeGithub;
beforeAll(async () => {
  gh = await startFakeGithub();
});
afterAll(() => gh.close());

const callback = "http://northwind.localhost:3000/api/auth/callback/github";

/** Submits the authorize page's form as a person would and returns the code. */
async function authorize(email: string, verified = true): Promise<string> {
  const page = await fetch(
    `${gh.url}/login/oauth/authorize?client_id=${gh.clientId}&redirect_uri=${encodeURIComponent(callback)}&state=st4te&scope=read:user`,
  );
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('name="email"');
  const form = new URLSearchParams({
    client_id: gh.clientId,
    redirect_uri: callback,
    state: "st4te",
    email,
    ...(verified ? { verified: "1" } : {}),
  });
  const res = await fetch(`${gh.url}/login/oauth/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location") ?? "");
  expect(`${back.origin}${back.pathname}`).toBe(callback);
  expect(back.searchParams.get("state")).toBe("st4te");
  return back.searchParams.get("code") ?? "";
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

async function exchange(code: string, secret = gh.clientSecret) {
  const res = await fetch(`${gh.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", authorization: basic(gh.clientId, secret) },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: callback }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, string>;
}

describe("fake GitHub", () => {
  it("runs the authorization code flow and serves /user and /user/emails", async () => {
    const tokens = await exchange(await authorize("mia@example.test"));
    expect(tokens).toMatchObject({ token_type: "bearer" });
    expect(tokens.access_token).toMatch(/^gho_/);
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const user = await (await fetch(`${gh.url}/user`, { headers: auth })).json();
    expect(user).toMatchObject({ login: "mia", email: null });
    const emails = await (await fetch(`${gh.url}/user/emails`, { headers: auth })).json();
    expect(emails).toEqual([
      { email: "mia@example.test", primary: true, verified: true, visibility: null },
    ]);
  });

  it("reports an unverified address as unverified", async () => {
    const { access_token } = await exchange(await authorize("new@example.test", false));
    const res = await fetch(`${gh.url}/user/emails`, {
      headers: { authorization: `token ${access_token}` },
    });
    expect(await res.json()).toMatchObject([{ email: "new@example.test", verified: false }]);
  });

  it("refuses a reused code, a wrong client secret and a missing token, as GitHub does", async () => {
    const code = await authorize("mia@example.test");
    expect(await exchange(code, "wrong")).toEqual({ error: "incorrect_client_credentials" });
    // The failed attempt spent the code: it is single use.
    expect(await exchange(code)).toEqual({ error: "bad_verification_code" });
    const res = await fetch(`${gh.url}/user`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: "Bad credentials" });
    const wrongClient = await fetch(`${gh.url}/login/oauth/authorize?client_id=nope`);
    expect(wrongClient.status).toBe(404);
  });
});
