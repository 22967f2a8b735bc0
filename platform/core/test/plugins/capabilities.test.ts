import { describe, expect, it } from "vitest";
import {
  addedCapabilities,
  capabilityAtoms,
  describeCapabilities,
} from "../../src/plugins/capabilities";

const screens = {
  devices: { procedures: ["screen.schedule", "screen.heartbeat"] },
  storage: { accept: ["image/png", "video/mp4"], maxObjectMb: 100 },
};

describe("devices and storage on the consent screen", () => {
  it("names the screens a plugin may pair and what they may call, and the files it may store", () => {
    expect(describeCapabilities(screens)).toEqual([
      "Pair, list and remove this workspace's screens; paired screens may call: screen.schedule, screen.heartbeat",
      "Store files in this workspace (image/png, video/mp4, up to 100 MB each)",
    ]);
  });

  it("needs fresh consent when a new device procedure, type or larger size appears", () => {
    expect(capabilityAtoms(screens)).toContain("device.procedure:screen.schedule");
    expect(
      addedCapabilities(screens, {
        ...screens,
        devices: { procedures: [...screens.devices.procedures, "screen.reboot"] },
      }),
    ).toEqual(["device.procedure:screen.reboot"]);
    expect(
      addedCapabilities(screens, { ...screens, storage: { ...screens.storage, maxObjectMb: 500 } }),
    ).toHaveLength(2);
  });
});
