import { describe, expect, it } from "vitest";
import {
  currencyProblem,
  formatCents,
  formatUnitPrice,
  fromMicros,
  lineCents,
  plainDecimal,
  toMicros,
} from "./money";

describe("rebilling money", () => {
  it("applies the markup exactly and rounds half up once per line", () => {
    expect(lineCents("17", "0.5", "20")).toBe(1020);
    expect(lineCents("3", "0.01", "20")).toBe(4); // 3.6 cents
    expect(lineCents("1", "0.005", "0")).toBe(1); // half a cent rounds up
    expect(lineCents("1", "0.0049", "0")).toBe(0);
    expect(lineCents("0.1", "0.2", "0")).toBe(2); // no float drift (0.1 × 0.2 = 0.02)
    expect(lineCents("1000000", "0.000001", "12.5")).toBe(113); // $1.125
    expect(lineCents("0", "9.99", "50")).toBe(0);
  });

  it("parses and prints decimals without floats", () => {
    expect(toMicros("0.0025")).toBe(2500n);
    expect(toMicros("1.0000005")).toBe(1_000_001n);
    expect(fromMicros(2500n)).toBe("0.0025");
    expect(fromMicros(20_000_000n)).toBe("20");
    expect(plainDecimal("20.00")).toBe("20");
    expect(formatUnitPrice("0.0025", "usd")).toBe("$0.0025");
  });

  it("takes only currencies Stripe charges in hundredths, and shows them with two decimals", () => {
    for (const ok of ["usd", "eur", "gbp", "huf", "chf", "all"])
      expect(currencyProblem(ok), ok).toBeNull();
    expect(currencyProblem("jpy")).toMatch(/^JPY has no cents/);
    expect(currencyProblem("kwd")).toMatch(/^KWD has three decimals/);
    expect(currencyProblem("isk")).toMatch(/^ISK has no cents/);
    expect(currencyProblem("abc")).toBe("ABC is not an ISO 4217 currency code");
    expect(formatCents(123450, "usd")).toBe("$1,234.50");
    // ICU shows ALL without decimals; Stripe charges it in hundredths, so 150 is 1.50 lek.
    expect(formatCents(150, "all")).toBe("ALL\u00a01.50");
  });
});
