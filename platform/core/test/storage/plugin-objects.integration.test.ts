import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLocalStorage } from "../../src/storage/local-storage";
import {
  deletePluginObject,
  putPluginObject,
  statPluginObject,
} from "../../src/storage/plugin-objects";
import { setupWorld } from "../helpers";

const s = setupWorld();
const storage = createLocalStorage(mkdtempSync(join(tmpdir(), "omnify-objects-test-")));
const bytes = new TextEncoder().encode("not really a png");

describe("plugin objects", () => {
  it("records probed facts per tenant; another tenant can neither stat nor delete them", async () => {
    const stored = await s.t.app.withTenant(s.w.alpha, (tx) =>
      putPluginObject(tx, storage, {
        tenantId: s.w.alpha,
        pluginId: "billboards",
        key: "ad.png",
        bytes,
        contentType: "image/png",
        width: 64,
        height: 48,
      }),
    );
    expect(stored).toMatchObject({ key: "ad.png", size: bytes.length, width: 64, height: 48 });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const stat = (tenantId: string, pluginId = "billboards") =>
      s.t.app.withTenant(tenantId, (tx) => statPluginObject(tx, { pluginId, key: "ad.png" }));
    expect(await stat(s.w.alpha)).toEqual(stored);
    expect(await stat(s.w.beta)).toBeNull();
    expect(await stat(s.w.alpha, "other-plugin")).toBeNull();

    // Beta deleting the same key touches neither alpha's row nor alpha's bytes.
    await s.t.app.withTenant(s.w.beta, (tx) =>
      deletePluginObject(tx, storage, {
        tenantId: s.w.beta,
        pluginId: "billboards",
        key: "ad.png",
      }),
    );
    expect(await stat(s.w.alpha)).toEqual(stored);
    expect(await storage.get(`${s.w.alpha}/billboards/ad.png`)).not.toBeNull();

    await s.t.app.withTenant(s.w.alpha, (tx) =>
      deletePluginObject(tx, storage, {
        tenantId: s.w.alpha,
        pluginId: "billboards",
        key: "ad.png",
      }),
    );
    expect(await stat(s.w.alpha)).toBeNull();
    expect(await storage.get(`${s.w.alpha}/billboards/ad.png`)).toBeNull();
  });
});
