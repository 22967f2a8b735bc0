import { describe, expect, it } from "vitest";
import { createPluginRuntimeClient } from "../../plugin-runtime/src/client";
import { ECHO_CAPS, setupRuntimeWorld } from "../../plugin-runtime/test/world";
import { setupApi, trpcFailure } from "./harness";

const world = setupRuntimeWorld();
const api = setupApi({
  world,
  extra: () => ({
    pluginRuntime: createPluginRuntimeClient({
      url: world.runtime.url,
      token: world.runtime.token,
    }),
  }),
});
const alphaHost = "alpha.omnify.test";
const as = (userKey: "owner" | "member", tenantId = world.w.alpha, host = alphaHost) =>
  api.as(host, tenantId, world.w.users[userKey].id);

describe("plugins.* through createCaller", () => {
  it("lists the catalog with plain-language capabilities and this tenant's installation", async () => {
    const catalog = await (await as("member")).plugins.catalog();
    expect(catalog).toEqual([
      expect.objectContaining({
        id: "rt-echo",
        latestVersion: "1.0.0",
        compatible: true,
        capabilities: ECHO_CAPS,
        capabilityList: expect.arrayContaining([
          "Store its own data in the database (only this workspace's rows)",
        ]),
        installed: {
          version: "1.0.0",
          status: "enabled",
          upgradeAvailable: false,
          addedCapabilities: [],
        },
      }),
    ]);
    const beta = await api.as("beta.omnify.test", world.w.beta, world.w.users.betaUser.id);
    expect((await beta.plugins.catalog())[0]?.installed).toBeNull();
  });

  it("calls a plugin procedure in the runtime service for the host's tenant", async () => {
    const member = await as("member");
    expect(
      await member.plugins.invoke({
        pluginId: "rt-echo",
        procedure: "echo",
        input: { text: "yo" },
      }),
    ).toEqual({
      tenant: world.w.alpha,
      greeting: "hello",
      text: "yo",
    });
    const beta = await api.as("beta.omnify.test", world.w.beta, world.w.users.betaUser.id);
    await trpcFailure(
      beta.plugins.invoke({ pluginId: "rt-echo", procedure: "echo", input: { text: "x" } }),
      "NOT_FOUND",
    );
    await trpcFailure(
      member.plugins.invoke({ pluginId: "rt-echo", procedure: "echo", input: {} }),
      "BAD_REQUEST",
    );
  });

  it("tells the plugin who calls: the member, and whether they may manage plugins", async () => {
    const whoami = { pluginId: "rt-echo", procedure: "whoami", input: {} };
    expect(await (await as("member")).plugins.invoke(whoami)).toEqual({
      kind: "member",
      userId: world.w.users.member.id,
      role: "agency_member",
      canManage: false,
    });
    expect(await (await as("owner")).plugins.invoke(whoami)).toMatchObject({
      kind: "member",
      userId: world.w.users.owner.id,
      canManage: true,
    });
  });

  it("keeps management for owners and admins", async () => {
    const member = await as("member");
    await trpcFailure(member.plugins.disable({ pluginId: "rt-echo" }), "FORBIDDEN");
    await trpcFailure(member.plugins.getSettings({ pluginId: "rt-echo" }), "FORBIDDEN");
    await trpcFailure(
      member.plugins.install({
        pluginId: "rt-echo",
        version: "1.0.0",
        consentedCapabilities: ECHO_CAPS,
      }),
      "FORBIDDEN",
    );
  });

  it("validates settings on the server, naming the field, and writes nothing", async () => {
    const owner = await as("owner");
    const error = await trpcFailure(
      owner.plugins.updateSettings({ pluginId: "rt-echo", settings: { greeting: 5 } }),
      "BAD_REQUEST",
    );
    expect(error.message).toMatch(/^greeting:/);
    expect((error.cause as { field?: string } | undefined)?.field).toBe("greeting");
    expect((await owner.plugins.getSettings({ pluginId: "rt-echo" })).settings).toEqual({
      greeting: "hello",
    });
    await owner.plugins.updateSettings({ pluginId: "rt-echo", settings: { greeting: "hey" } });
    expect(
      await owner.plugins.invoke({ pluginId: "rt-echo", procedure: "echo", input: { text: "x" } }),
    ).toMatchObject({ greeting: "hey" });
  });

  it("disables, after which only enabled UI is listed and calls are refused", async () => {
    const owner = await as("owner");
    await owner.plugins.disable({ pluginId: "rt-echo" });
    await trpcFailure(
      owner.plugins.invoke({ pluginId: "rt-echo", procedure: "echo", input: { text: "x" } }),
      "NOT_FOUND",
    );
    expect(await owner.plugins.enabledUi()).toEqual([]);
    expect((await owner.plugins.enable({ pluginId: "rt-echo" })).status).toBe("enabled");
  });

  it("never returns a secret's value from any procedure", async () => {
    const owner = await as("owner");
    await trpcFailure(
      owner.plugins.setSecret({ pluginId: "rt-echo", name: "apiKey", value: "sk_x" }),
      "BAD_REQUEST",
    );
    const everything = JSON.stringify([
      await owner.plugins.catalog(),
      await owner.plugins.getSettings({ pluginId: "rt-echo" }),
      await owner.plugins.enabledUi(),
    ]);
    expect(everything).not.toContain("sk_x");
  });
});
