import { beforeAll, describe, expect, it } from "vitest";
import { ingestUsage, type UsageEventInput } from "../../../src/billing/usage/ingest-usage";
import { domainFailure, setupWorld } from "../../helpers";
import { installMeteringPlugin } from "./setup";

const s = setupWorld();
beforeAll(() => installMeteringPlugin(s.t.admin, [s.w.alpha]));

const ingest = (tenantId: string, events: UsageEventInput[]) =>
  s.t.app.withTenant(tenantId, (tx) => ingestUsage(tx, events));
const click = (key: string, quantity = 2): UsageEventInput => ({
  meter: "clicks",
  source: "plugin:links",
  quantity,
  idempotencyKey: key,
});
const count = async (tenantId: string) =>
  Number(
    (await s.t.admin`select count(*) as n from usage_events where tenant_id = ${tenantId}`)[0]?.n,
  );

describe("ingestUsage", () => {
  it("records a batch and absorbs duplicate keys, within the batch and across calls", async () => {
    expect(await ingest(s.w.alpha, [click("a"), click("b"), click("a", 9)])).toEqual({
      recorded: 2,
      duplicates: 1,
    });
    expect(await ingest(s.w.alpha, [click("b", 5), click("c")])).toEqual({
      recorded: 1,
      duplicates: 1,
    });
    const rows = await s.t.admin`select idempotency_key, quantity, aggregation from usage_events
      where meter = 'clicks' order by idempotency_key`;
    expect(rows.map((r) => [r.idempotency_key, r.quantity, r.aggregation])).toEqual([
      ["a", "2", "sum"],
      ["b", "2", "sum"],
      ["c", "2", "sum"],
    ]);
    const [month] = await s.t.admin`select total, events from usage_monthly where meter = 'clicks'`;
    expect([month?.total, Number(month?.events)]).toEqual(["6", 3]);
  });

  it("counts events for count meters and keeps the subject of unique meters", async () => {
    await ingest(s.w.alpha, [
      { meter: "links", source: "plugin:links", quantity: 7, idempotencyKey: "l1" },
      {
        meter: "visitors",
        source: "plugin:links",
        quantity: 1,
        idempotencyKey: "v1",
        subject: "u1",
      },
    ]);
    const rows = await s.t.admin`select meter, quantity, subject from usage_events
      where meter in ('links', 'visitors') order by meter`;
    expect(rows.map((r) => [r.meter, r.quantity, r.subject])).toEqual([
      ["links", "1", null],
      ["visitors", "1", "u1"],
    ]);
  });

  it("refuses bad input naming the event and field, and writes nothing of the batch", async () => {
    const before = await count(s.w.alpha);
    const cases: [UsageEventInput, string][] = [
      [click("n1", -1), "events[1].quantity"],
      [click("n2", Number.NaN), "events[1].quantity"],
      [click("n3", Number.POSITIVE_INFINITY), "events[1].quantity"],
      [click("n4", "3" as unknown as number), "events[1].quantity"],
      [{ ...click("n5"), meter: "undeclared" }, "events[1].meter"],
      [{ ...click("n6"), idempotencyKey: "" }, "events[1].idempotencyKey"],
      [{ ...click("n7"), source: "plugin:Bad!" }, "events[1].source"],
      [{ ...click("n8"), occurredAt: new Date(Date.now() + 86_400_000) }, "events[1].occurredAt"],
    ];
    for (const [bad, field] of cases) {
      const error = await domainFailure(ingest(s.w.alpha, [click("fine"), bad]));
      expect(error.field).toBe(field);
    }
    const undeclared = await domainFailure(ingest(s.w.alpha, [{ ...click("x"), meter: "nope" }]));
    expect(undeclared.message).toContain("not declared in links's capabilities.meters");
    expect(await count(s.w.alpha)).toBe(before);
  });

  it("refuses a plugin the tenant has not installed and an unknown core meter", async () => {
    expect((await domainFailure(ingest(s.w.beta, [click("b1")]))).code).toBe("NOT_FOUND");
    const core = await domainFailure(
      ingest(s.w.beta, [{ meter: "sms", source: "core", quantity: 1, idempotencyKey: "s" }]),
    );
    expect(core.field).toBe("events[0].meter");
    expect(core.message).toContain("api.calls");
  });

  it("keeps tenants apart: the same key in another tenant is a new event", async () => {
    await s.t
      .admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities)
      values (${s.w.client}, 'links', '1.0.0', '{}')`;
    expect(await ingest(s.w.client, [click("a")])).toEqual({ recorded: 1, duplicates: 0 });
  });
});
