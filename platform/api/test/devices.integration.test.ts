import { authenticateDevice, markSessionReauthenticated } from "@omnify/core";
import { describe, expect, it } from "vitest";
import { createDevicePairingHandlers } from "../src/index";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;
const CLIENT = "client.alpha.omnify.test";

/** An admin whose session just confirmed their password, as step-up requires. */
async function confirmedAdmin() {
  const token = await api.signIn(s.w.client, s.w.users.owner.id);
  await markSessionReauthenticated(api.deps().db, s.w.client, token);
  return api.callerFor(CLIENT, token);
}

const poll = (handlers: ReturnType<typeof createDevicePairingHandlers>, body: unknown) =>
  handlers.poll(
    new Request("http://omnify.test/api/devices/pair/poll", {
      method: "POST",
      body: JSON.stringify(body),
    }),
  );

describe("screen pairing over HTTP and devices.* procedures", () => {
  it("pairs a screen end to end and refuses it once removed", async () => {
    const handlers = createDevicePairingHandlers(api.deps().db);
    const started = await handlers.pair();
    expect(started.status).toBe(201);
    const { code, pairingId, pollToken } = await started.json();
    expect(await (await poll(handlers, { pairingId, pollToken })).json()).toMatchObject({
      status: "pending",
    });

    const admin = await confirmedAdmin();
    const bad = await trpcFailure(
      admin.devices.claim({ code: "ZZZZZZZZ", name: "Lobby" }),
      "BAD_REQUEST",
    );
    expect(bad.message).toMatch(/No screen/);
    const { deviceId } = await admin.devices.claim({ code, name: "Lobby" });

    const paired = await poll(handlers, { pairingId, pollToken });
    const body = await paired.json();
    expect(body).toMatchObject({ status: "paired", deviceId, tenantId: s.w.client });
    expect((await poll(handlers, { pairingId, pollToken })).status).toBe(409);
    expect(await authenticateDevice(api.deps().db, body.token)).toEqual({
      tenantId: s.w.client,
      deviceId,
    });

    const listed = await admin.devices.find();
    expect(listed.find((d) => d.id === deviceId)).toMatchObject({ name: "Lobby", paired: true });
    await admin.devices.revoke({ id: deviceId });
    await expect(authenticateDevice(api.deps().db, body.token)).rejects.toThrow(/removed/);
  });

  it("answers a malformed poll with 400/401 naming the field", async () => {
    const handlers = createDevicePairingHandlers(api.deps().db);
    const missing = await poll(handlers, {});
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.field).toBe("pairingId");
    const wrong = await poll(handlers, {
      pairingId: "00000000-0000-4000-8000-000000000000",
      pollToken: "a".repeat(32),
    });
    expect(wrong.status).toBe(401);
  });

  it("keeps API keys and screens to owners and admins", async () => {
    const member = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    await trpcFailure(
      member.apiKeys.create({ name: "x", scopes: ["members:read"], expiresInDays: 1 }),
      "FORBIDDEN",
    );
    await trpcFailure(member.devices.find(), "FORBIDDEN");
    const unconfirmed = await api.as(CLIENT, s.w.client, s.w.users.owner.id);
    const stepUp = await trpcFailure(
      unconfirmed.apiKeys.create({ name: "x", scopes: ["members:read"], expiresInDays: 1 }),
      "FORBIDDEN",
    );
    expect((stepUp.cause as { field?: string } | undefined)?.field).toBe("stepUp");
    await trpcFailure(unconfirmed.devices.claim({ code: "ABCDEFGH", name: "x" }), "FORBIDDEN");
    const admin = await confirmedAdmin();
    const bad = await trpcFailure(
      admin.apiKeys.create({ name: "x", scopes: ["crm:read"], expiresInDays: 1 }),
      "BAD_REQUEST",
    );
    expect(bad.message).toContain('"crm:read"');
    expect((bad.cause as { field?: string } | undefined)?.field).toBe("scopes");
  });
});
