import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Link = {
  id: string;
  createdAt: string;
  slug: string;
  taggedUrl: string;
  shortUrl: string | null;
  clicks?: number;
};

let p: PluginRun;
beforeAll(async () => {
  p = await runPlugin({
    dir: new URL("..", import.meta.url),
    settings: { defaultSource: "newsletter", defaultMedium: "email" },
    tenants: ["t1", "t2"],
  });
});
afterAll(() => p?.close());

const create = (tenant: string, input: Record<string, unknown>) =>
  p.call<{ link: Link }>(tenant, "links.create", input).then((r) => r.link);

describe("links", () => {
  it("builds the tagged URL from the input and the tenant's defaults", async () => {
    const link = await create("t1", {
      destination: "https://shop.example.com/sale?ref=home#top",
      campaign: "Spring Sale",
      term: "shoes & boots",
      slug: "spring",
    });
    expect(link).toMatchObject({ slug: "spring", shortUrl: null });
    expect(Date.parse(link.createdAt)).toBeGreaterThan(0);
    expect(link.taggedUrl).toBe(
      "https://shop.example.com/sale?ref=home&utm_source=newsletter&utm_medium=email&utm_campaign=Spring%20Sale&utm_term=shoes%20%26%20boots#top",
    );
  });

  it("keeps each tenant's links to itself, through the real database and RLS", async () => {
    await create("t2", {
      destination: "https://b.example.com",
      campaign: "b-only",
      slug: "spring",
    });
    const t1 = await p.call<{ links: Link[] }>("t1", "links.list", {});
    const t2 = await p.call<{ links: Link[] }>("t2", "links.list", {});
    expect(t1.links.map((l) => l.slug)).toEqual(["spring"]);
    expect(t2.links.map((l) => l.taggedUrl)).toEqual([
      "https://b.example.com?utm_source=newsletter&utm_medium=email&utm_campaign=b-only",
    ]);
    const [s1, s2, s3] = await Promise.all(
      ["t1", "t2", "t3"].map((t) => p.call<{ links: number }>(t, "links.stats", { days: 7 })),
    );
    expect([s1?.links, s2?.links, s3?.links]).toEqual([1, 1, 0]);
  });

  it("refuses bad input and names the field", async () => {
    await expect(create("t1", { destination: "not a url", campaign: "x" })).rejects.toThrow(
      /input\.destination: must be an http\(s\) URL/,
    );
    await expect(
      create("t1", { destination: "https://a.example.com", campaign: "" }),
    ).rejects.toThrow(/input\.campaign: must not be empty/);
    await expect(
      create("t1", { destination: "https://a.example.com", campaign: "c", slug: "Not A Slug" }),
    ).rejects.toMatchObject({
      pluginCode: "invalid_input",
      message: expect.stringMatching(/input\.slug/),
    });
    await expect(
      create("t1", { destination: "https://a.example.com", campaign: "c", slug: "spring" }),
    ).rejects.toMatchObject({
      pluginCode: "conflict",
      message: expect.stringMatching(/input\.slug/),
    });
  });

  it("meters each new link once and announces it", async () => {
    p.clearRecorded();
    const link = await create("t2", { destination: "https://m.example.com", campaign: "metered" });
    expect(link.slug).toMatch(/^metered-[a-z0-9]{4}$/);
    expect(p.recorded.meters).toEqual([
      expect.objectContaining({
        tenantId: "t2",
        name: "utm-links.links",
        quantity: 1,
        aggregation: "count",
        idempotencyKey: `link:${link.id}`,
      }),
    ]);
    expect(p.recorded.events).toEqual([
      {
        tenantId: "t2",
        type: "utm-links.link.created",
        payload: { id: link.id, slug: link.slug, campaign: "metered", taggedUrl: link.taggedUrl },
      },
    ]);
  });

  it("uses the tenant's own settings", async () => {
    p.setSettings("t3", { defaultSource: "linkedin", defaultMedium: "social" });
    const link = await create("t3", { destination: "https://c.example.com/", campaign: "q3" });
    expect(link.taggedUrl).toContain("utm_source=linkedin&utm_medium=social");
    p.setSettings("t3", { defaultMedium: "carrier-pigeon" });
    await expect(
      create("t3", { destination: "https://c.example.com/", campaign: "q3" }),
    ).rejects.toThrow(/settings\.defaultMedium/);
  });

  it("stays within its CPU and memory budget", async () => {
    const stats = await p.expectWithinBudget({ cpuMsPerCall: 200 });
    expect(stats.calls).toBeGreaterThan(5);
  });
});
