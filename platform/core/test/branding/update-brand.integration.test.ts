import { describe, expect, it } from "vitest";
import { findBrandAsset } from "../../src/branding/find-brand-asset";
import { type UpdateBrandInput, updateBrand } from "../../src/branding/update-brand";
import type { ResolvedTenant } from "../../src/tenancy/resolved-tenant";
import { domainFailure, setupWorld, tenantAt } from "../helpers";
import { png, SVG } from "./images";

const s = setupWorld();

const keep = { keep: true } as const;
const draft = (over: Partial<UpdateBrandInput> = {}): UpdateBrandInput => ({
  productName: "Northwind Studio",
  supportEmail: "help@northwind.test",
  colors: { primary: "#0b5cad" },
  logo: keep,
  favicon: keep,
  ...over,
});

const save = (tenant: ResolvedTenant, data: UpdateBrandInput) =>
  s.t.app.withTenant(
    tenant.id,
    (tx) => updateBrand(tx, s.t.app, { tenant, actorUserId: s.w.users.owner.id, data }),
    { userId: s.w.users.owner.id },
  );

const state = async () => ({
  brand: (await s.t.admin`select brand from tenants where id = ${s.alpha.id}`)[0]?.brand,
  assets: (await s.t.admin`select kind, sha256 from brand_assets order by kind`).length,
  audits: (await s.t.admin`select 1 from audit_log where action = 'brand.updated'`).length,
});

describe("updateBrand", () => {
  it("stores text, colours and a sniffed logo in one go, audited, served to sub-accounts", async () => {
    const logo = png(160, 48);
    const saved = await save(s.alpha, draft({ logo: { upload: logo } }));
    expect(saved).toMatchObject({
      productName: "Northwind Studio",
      supportEmail: "help@northwind.test",
      colors: { primary: "#0b5cad" },
      logoAsset: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const after = await state();
    expect(after.assets).toBe(1);
    expect(after.audits).toBe(1);
    const [audit] = await s.t.admin`select metadata from audit_log where action = 'brand.updated'`;
    expect(audit?.metadata.changed).toEqual(
      expect.arrayContaining(["productName", "supportEmail", "colors", "logoAsset"]),
    );
    const client = await tenantAt(s.t.app, "client.alpha.omnify.test");
    const file = await findBrandAsset(s.t.app, client, saved.logoAsset ?? "");
    expect(file?.contentType).toBe("image/png");
    expect(Buffer.compare(file?.data ?? Buffer.alloc(0), logo)).toBe(0);
    // Another agency's host does not serve it.
    expect(await findBrandAsset(s.t.app, s.beta, saved.logoAsset ?? "")).toBeNull();
  });

  it("changes nothing when the logo is not an image, is SVG or is too big", async () => {
    const before = await state();
    for (const upload of [Buffer.from("hello"), SVG, png(4, 4, undefined, 600 * 1024)]) {
      const e = await domainFailure(
        save(s.alpha, draft({ productName: "Changed", logo: { upload } })),
      );
      expect(e.code).toBe("BAD_INPUT");
      expect(e.field).toBe("logo");
    }
    expect(await state()).toEqual(before);
  });

  it("refuses a colour pair below WCAG AA, naming the pair and the ratio, and changes nothing", async () => {
    const before = await state();
    const e = await domainFailure(
      save(s.alpha, draft({ colors: { primary: "#ffff00", primaryForeground: "#ffffff" } })),
    );
    expect(e.code).toBe("BAD_INPUT");
    expect(e.field).toBe("colors.primaryForeground");
    expect(e.message).toMatch(
      /Text on primary buttons \(primaryForeground #ffffff on primary #ffff00\) has contrast 1\.\d\d:1; WCAG AA needs 4\.5:1/,
    );
    expect(await state()).toEqual(before);
  });

  it("refuses a bad support e-mail and a malformed colour", async () => {
    const e = await domainFailure(
      save(s.alpha, draft({ supportEmail: "nope", colors: { accent: "red" } })),
    );
    expect(e.code).toBe("BAD_INPUT");
    expect((e as unknown as { issues: { path: string[] }[] }).issues.map((i) => i.path[0])).toEqual(
      ["supportEmail", "colors.accent"],
    );
  });

  it("removing the logo deletes the stored image", async () => {
    const saved = await save(s.alpha, draft({ logo: { remove: true } }));
    expect(saved.logoAsset).toBeUndefined();
    expect((await state()).assets).toBe(0);
  });

  it("is for agencies only", async () => {
    const e = await domainFailure(save(s.client, draft()));
    expect(e.code).toBe("FORBIDDEN");
  });
});
