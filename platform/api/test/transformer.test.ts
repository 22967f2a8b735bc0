import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeOutput } from "../src/transformer";

/** superjson is the oracle: the fast path must produce exactly what it would. */
function sameAsSuperjson(value: unknown) {
  const ours = serializeOutput(value);
  expect(ours).toEqual(superjson.serialize(value));
  // And a superjson client reads back the value that was sent.
  expect(superjson.deserialize(JSON.parse(JSON.stringify(ours)))).toEqual(value);
}

const at = (iso: string) => new Date(iso);

describe("tRPC output transformer", () => {
  it("encodes query results (rows with Dates) exactly as superjson does", () => {
    sameAsSuperjson({
      members: [
        {
          userId: "0b9c3f53-2d0e-4c7e-9d5a-111111111111",
          name: "Ada",
          email: "ada@example.com",
          role: "agency_owner",
          joinedAt: at("2026-01-02T03:04:05.678Z"),
        },
        {
          userId: "0b9c3f53-2d0e-4c7e-9d5a-222222222222",
          name: "Bo",
          email: "bo@example.com",
          role: "agency_member",
          joinedAt: at("2026-02-02T00:00:00.000Z"),
        },
      ],
      invitations: [],
      nested: { deeper: [[at("2020-01-01T00:00:00Z")], { n: 1.5, ok: true, none: null }] },
    });
  });

  it("escapes keys with dots and backslashes in annotation paths like superjson", () => {
    sameAsSuperjson({ "a.b": { "c\\d": at("2024-05-05T05:05:05Z") }, "e.": [at("2024-01-01Z")] });
  });

  it("sends plain values without meta, and null-prototype objects like plain ones", () => {
    sameAsSuperjson({ a: 1, b: "x", c: [true, false, null], d: {} });
    sameAsSuperjson([]);
    sameAsSuperjson("text");
    sameAsSuperjson(42);
    sameAsSuperjson(null);
    const bare = Object.assign(Object.create(null) as object, { when: at("2023-03-03Z") });
    expect(serializeOutput(bare)).toEqual(superjson.serialize(bare));
  });

  it("leaves everything else to superjson (same output)", () => {
    const shared = { id: 1 };
    const sharedDate = at("2022-02-02Z");
    class Money {
      constructor(readonly cents: number) {}
    }
    const sparse = [1];
    sparse[2] = 3; // index 1 is a hole
    for (const value of [
      { missing: undefined },
      { n: Number.NaN, i: Number.POSITIVE_INFINITY, z: -0 },
      { big: 10n },
      { map: new Map([["k", at("2021-01-01Z")]]), set: new Set([1, 2]) },
      { a: shared, b: shared },
      { a: sharedDate, b: sharedDate },
      { re: /x+/g },
      { money: new Money(5) },
      { bad: new Date(Number.NaN) },
      at("2020-06-06Z"),
      sparse,
      undefined,
    ]) {
      expect(serializeOutput(value)).toEqual(superjson.serialize(value));
    }
  });

  it("refuses prototype-polluting keys as superjson does", () => {
    const evil = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(() => serializeOutput(evil)).toThrow(/prototype pollution/);
  });
});
