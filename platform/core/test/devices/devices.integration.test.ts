import { describe, expect, it } from "vitest";
import { authenticateDevice } from "../../src/devices/authenticate-device";
import { claimDevice } from "../../src/devices/claim-device";
import { listDevices } from "../../src/devices/list-devices";
import { pollDevicePairing } from "../../src/devices/poll-pairing";
import { revokeDevice } from "../../src/devices/revoke-device";
import { startDevicePairing } from "../../src/devices/start-pairing";
import { domainFailure, setupWorld } from "../helpers";

const s = setupWorld();

const claim = (code: string, name = "Lobby screen", tenantId = s.w.client) =>
  s.t.app.withTenant(tenantId, (tx) =>
    claimDevice(tx, { tenantId, code, name, actorUserId: s.w.users.owner.id }),
  );

const deviceCount = async () => {
  const [row] = await s.t.admin<{ n: number }[]>`select count(*)::int as n from devices`;
  return row?.n ?? -1;
};

/** A screen paired with the client tenant, token collected. */
async function pairedScreen() {
  const pairing = await startDevicePairing(s.t.app);
  await claim(pairing.code);
  const polled = await pollDevicePairing(s.t.app, pairing);
  if (polled.status !== "paired") throw new Error("not paired");
  return polled;
}

describe("device pairing", () => {
  it("hands a screen its token once, after an admin claims the code", async () => {
    const pairing = await startDevicePairing(s.t.app);
    expect(pairing.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(pairing.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(600_000);
    expect(await pollDevicePairing(s.t.app, pairing)).toMatchObject({ status: "pending" });

    const typed = `${pairing.code.slice(0, 4).toLowerCase()}-${pairing.code.slice(4)}`;
    const { deviceId } = await claim(typed, "Window display");
    const polled = await pollDevicePairing(s.t.app, pairing);
    expect(polled).toMatchObject({ status: "paired", deviceId, tenantId: s.w.client });
    const token = polled.status === "paired" ? polled.token : "";
    const rows = await s.t.admin`select * from devices where id = ${deviceId}`;
    expect(JSON.stringify(rows)).not.toContain(token.split(".")[1]);

    const again = await domainFailure(pollDevicePairing(s.t.app, pairing));
    expect(again.code).toBe("CONFLICT");
    expect(await authenticateDevice(s.t.app, token)).toEqual({ tenantId: s.w.client, deviceId });
  });

  it("gives the token to only one of two racing polls", async () => {
    const pairing = await startDevicePairing(s.t.app);
    await claim(pairing.code);
    const results = await Promise.allSettled([
      pollDevicePairing(s.t.app, pairing),
      pollDevicePairing(s.t.app, pairing),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a wrong poll token", async () => {
    const pairing = await startDevicePairing(s.t.app);
    const other = await startDevicePairing(s.t.app);
    const error = await domainFailure(
      pollDevicePairing(s.t.app, { pairingId: pairing.pairingId, pollToken: other.pollToken }),
    );
    expect(error).toMatchObject({ code: "UNAUTHORIZED", field: "pollToken" });
  });

  it("refuses used, expired and unknown codes, naming the field and writing nothing", async () => {
    const pairing = await startDevicePairing(s.t.app);
    await claim(pairing.code);
    const before = await deviceCount();
    const used = await domainFailure(claim(pairing.code, "x", s.w.beta));
    expect(used).toMatchObject({ field: "code", message: expect.stringMatching(/already used/) });

    const stale = await startDevicePairing(s.t.app);
    await s.t.admin`update device_pairings set expires_at = now() - interval '1 second'
      where id = ${stale.pairingId}`;
    const expired = await domainFailure(claim(stale.code));
    expect(expired).toMatchObject({ field: "code", message: expect.stringMatching(/expired/) });
    const poll = await domainFailure(pollDevicePairing(s.t.app, stale));
    expect(poll.message).toMatch(/expired/);

    expect((await domainFailure(claim("ZZZZZZZZ"))).message).toMatch(/No screen/);
    expect((await domainFailure(claim("short"))).field).toBe("code");
    expect((await domainFailure(claim(stale.code, " "))).field).toBe("name");
    expect(await deviceCount()).toBe(before);
  });

  it("keeps pairings away from the app role", async () => {
    const denied = await s.t.app
      .withoutTenant((tx) => tx.execute("select * from device_pairings" as never))
      .then(
        () => null,
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message}`,
      );
    expect(denied).toMatch(/permission denied/);
  });
});

describe("device tokens", () => {
  it("record contact at most once a minute", async () => {
    const screen = await pairedScreen();
    const t0 = new Date("2030-01-01T00:00:00Z");
    await authenticateDevice(s.t.app, screen.token, { ip: "10.0.0.7", appVersion: "1.2.3" }, t0);
    await authenticateDevice(
      s.t.app,
      screen.token,
      { ip: "10.0.0.8" },
      new Date(t0.getTime() + 5_000),
    );
    const list = await s.t.app.withTenant(s.w.client, (tx) => listDevices(tx));
    expect(list.find((d) => d.id === screen.deviceId)).toMatchObject({
      paired: true,
      lastSeenAt: t0,
      lastIp: "10.0.0.7",
      appVersion: "1.2.3",
    });
  });

  it("are refused once the device is revoked, or when tampered with", async () => {
    const screen = await pairedScreen();
    const tampered = `${screen.token.slice(0, -1)}${screen.token.endsWith("a") ? "b" : "a"}`;
    expect((await domainFailure(authenticateDevice(s.t.app, tampered))).code).toBe("UNAUTHORIZED");
    expect((await domainFailure(authenticateDevice(s.t.app, "nonsense"))).code).toBe(
      "UNAUTHORIZED",
    );

    const fromBeta = await domainFailure(
      s.t.app.withTenant(s.w.beta, (tx) =>
        revokeDevice(tx, screen.deviceId, { actorUserId: null }),
      ),
    );
    expect(fromBeta.code).toBe("NOT_FOUND");
    await s.t.app.withTenant(s.w.client, (tx) =>
      revokeDevice(tx, screen.deviceId, { actorUserId: null }),
    );
    const revoked = await domainFailure(authenticateDevice(s.t.app, screen.token));
    expect(revoked).toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/removed/),
    });
  });
});
