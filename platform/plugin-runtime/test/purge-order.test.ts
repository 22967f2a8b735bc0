import { describe, expect, it } from "vitest";
import { childrenFirst } from "../src/purge";
import { pluginQueueName } from "../src/queues";

describe("childrenFirst", () => {
  it("deletes referencing tables before the tables they reference", () => {
    const edges = [
      { child: "clicks", parent: "links" },
      { child: "links", parent: "campaigns" },
    ];
    expect(childrenFirst(["campaigns", "links", "clicks", "tags"], edges)).toEqual([
      "clicks",
      "links",
      "campaigns",
      "tags",
    ]);
  });

  it("still terminates on a cycle", () => {
    const edges = [
      { child: "a", parent: "b" },
      { child: "b", parent: "a" },
    ];
    expect(childrenFirst(["a", "b"], edges).sort()).toEqual(["a", "b"]);
  });
});

describe("pluginQueueName", () => {
  it("maps job ids onto pg-boss's queue alphabet one-to-one", () => {
    expect(pluginQueueName("crm-sync", "sync")).toBe("plugin.crm-sync.sync");
    expect(pluginQueueName("crm-sync", "a:b")).toBe("plugin.crm-sync.a/b");
  });
});
