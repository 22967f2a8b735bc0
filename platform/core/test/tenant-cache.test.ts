import { describe, expect, it } from "vitest";
import { TtlLru } from "../src/tenancy/tenant-cache";

describe("TtlLru", () => {
  it("expires entries after the TTL", () => {
    const lru = new TtlLru<number>(10, 1000);
    lru.set("a", 1, 0);
    expect(lru.get("a", 999)).toBe(1);
    expect(lru.get("a", 1000)).toBeUndefined();
  });

  it("evicts the least recently used entry beyond its bound", () => {
    const lru = new TtlLru<number>(2, 10_000);
    lru.set("a", 1, 0);
    lru.set("b", 2, 0);
    expect(lru.get("a", 1)).toBe(1);
    lru.set("c", 3, 2);
    expect(lru.get("b", 3)).toBeUndefined();
    expect(lru.get("a", 3)).toBe(1);
    expect(lru.size).toBe(2);
  });
});
