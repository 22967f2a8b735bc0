import {
  type FakeUpstream,
  fakeUpstream,
  type PluginRun,
  runPlugin,
} from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const KEY = "sk_test_5f1d9c2e-never-leaves-the-host";
let shortio: FakeUpstream;
let p: PluginRun;

beforeAll(async () => {
  // Echoes the key it was sent inside the short URL: the host must redact it.
  shortio = await fakeUpstream((req) => {
    const { originalURL } = req.json() as { originalURL: string };
    const echo =
      req.path === "/links" && originalURL.includes("echo") ? `-${req.headers.authorization}` : "";
    return { status: 201, json: { shortURL: `https://go.example.com/abc${echo}` } };
  });
  p = await runPlugin({
    dir: new URL("..", import.meta.url),
    settings: { shortenLinks: true, shortDomain: "go.example.com" },
    secrets: (tenant, name) => (tenant === "t1" && name === "shortenerApiKey" ? KEY : undefined),
    fetch: { upstreams: { "https://api.short.io": shortio.url } },
    tenants: ["t1", "t2"],
  });
});
afterAll(async () => {
  await p?.close();
  await shortio?.close();
});

describe("shortener (fetch + secrets)", () => {
  it("calls short.io with the key the host injected, and never sees the key", async () => {
    const out = await p.call("t1", "links.create", {
      destination: "https://a.example.com",
      campaign: "short",
    });
    expect(out).toMatchObject({ link: { shortUrl: "https://go.example.com/abc" } });
    expect(shortio.requests).toHaveLength(1);
    expect(shortio.requests[0]).toMatchObject({ method: "POST", path: "/links" });
    expect(shortio.requests[0]?.headers.authorization).toBe(KEY);
    expect(shortio.requests[0]?.json()).toEqual({
      domain: "go.example.com",
      originalURL:
        "https://a.example.com?utm_source=newsletter&utm_medium=email&utm_campaign=short",
    });
    expect(p.recorded.fetches).toEqual([
      {
        tenantId: "t1",
        method: "POST",
        url: "https://api.short.io/links",
        secret: "shortenerApiKey",
        status: 201,
      },
    ]);
    expect(JSON.stringify(out)).not.toContain(KEY);
  });

  it("redacts the key when the upstream echoes it back", async () => {
    const out = await p.call("t1", "links.create", {
      destination: "https://echo.example.com",
      campaign: "echo",
    });
    expect(JSON.stringify(out)).not.toContain(KEY);
    expect(out).toMatchObject({ link: { shortUrl: "https://go.example.com/abc-[redacted]" } });
  });

  it("still creates the link, with a warning, when the tenant has not set the key", async () => {
    const out = await p.call("t2", "links.create", {
      destination: "https://b.example.com",
      campaign: "nokey",
    });
    expect(out).toMatchObject({
      link: { shortUrl: null },
      warning: "shortener unavailable (secret_missing)",
    });
    expect(p.recorded.fetches.at(-1)).toMatchObject({
      tenantId: "t2",
      error: expect.stringMatching(/^secret_missing/),
    });
  });
});
