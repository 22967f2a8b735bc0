import { describe, expect, it } from "vitest";
import { png } from "../../core/test/branding/images";
import { fieldErrorsOf } from "../src/errors";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;
const owner = () => api.as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
const keep = { keep: true } as const;

describe("branding.getSettings / branding.update", () => {
  it("saves the brand, which branding.get then shows on the agency and its sub-accounts", async () => {
    const caller = await owner();
    const before = await caller.branding.getSettings();
    expect(before).toMatchObject({
      themeId: "aurora",
      logoUrl: null,
      defaultProductName: "Alpha Agency",
    });
    const saved = await caller.branding.update({
      productName: "Alpha Studio",
      supportEmail: "help@alpha.test",
      colors: { primary: "#0b5cad" },
      logo: { upload: png(100, 30).toString("base64") },
      favicon: keep,
    });
    expect(saved).toMatchObject({
      productName: "Alpha Studio",
      supportEmail: "help@alpha.test",
      colors: { primary: "#0b5cad" },
      logoUrl: expect.stringMatching(/^\/brand-assets\/[0-9a-f]{64}$/),
    });
    // The host cache was cleared: the next request already sees the new brand.
    const fresh = await owner();
    expect((await fresh.branding.get()).brand).toMatchObject({ productName: "Alpha Studio" });
  });

  it("answers a failing contrast pair with a field error naming the pair and the ratio", async () => {
    const caller = await owner();
    const error = await trpcFailure(
      caller.branding.update({
        productName: null,
        supportEmail: null,
        colors: { background: "#777777" },
        logo: keep,
        favicon: keep,
      }),
      "BAD_REQUEST",
    );
    expect(error.message).toMatch(
      /on the page background .* has contrast \d\.\d\d:1; WCAG AA needs 4\.5:1/,
    );
    expect(Object.keys(fieldErrorsOf(error.cause) ?? {})).toContain("colors.foreground");
    expect((await caller.branding.getSettings()).colors).toEqual({ primary: "#0b5cad" });
  });

  it("is for agency owners and admins", async () => {
    const member = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    await trpcFailure(member.branding.getSettings(), "FORBIDDEN");
    const sub = await api.as("client.alpha.omnify.test", s.w.client, s.w.users.owner.id);
    await trpcFailure(sub.branding.getSettings(), "FORBIDDEN");
  });
});
