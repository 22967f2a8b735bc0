import { describe, expect, it } from "vitest";
import { setupFakeStripe } from "../billing/fake";

/** The fake's Connect plumbing, through the real SDK: objects land on the connected account. */
describe("fake Stripe Connect", () => {
  const s = setupFakeStripe();

  it("creates an account, onboards it through the link, and emits account.updated", async () => {
    const acct = await s.stripe.accounts.create({
      type: "express",
      business_profile: { name: "Northwind" },
    });
    expect(acct.charges_enabled).toBe(false);
    const link = await s.stripe.accountLinks.create({
      account: acct.id,
      type: "account_onboarding",
      return_url: "http://app.test/return",
      refresh_url: "http://app.test/refresh",
    });
    const page = await fetch(link.url);
    expect(await page.text()).toContain("Set up payouts for Northwind");
    const form = /action="([^"]+)"/.exec(await (await fetch(link.url)).text())?.[1] ?? "";
    const done = await fetch(new URL(form.replaceAll("&#38;", "&"), link.url), {
      method: "POST",
      redirect: "manual",
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("http://app.test/return");
    const after = await s.stripe.accounts.retrieve(acct.id);
    expect(after.charges_enabled).toBe(true);
    expect(after.payouts_enabled).toBe(true);
    const event = s.fake.state.events.at(-1);
    expect(event?.type).toBe("account.updated");
    expect(event?.account).toBe(acct.id);
  });

  it("scopes customers, invoice items and invoices to the Stripe-Account header", async () => {
    const acct = await s.stripe.accounts.create({ type: "express" });
    const other = await s.stripe.accounts.create({ type: "express" });
    const on = { stripeAccount: acct.id };
    const customer = await s.stripe.customers.create({ name: "Acme" }, on);
    expect(s.fake.ownerOf(customer.id)).toBe(acct.id);
    await s.stripe.invoiceItems.create(
      { customer: customer.id, amount: 1234, currency: "usd", description: "Clicks" },
      on,
    );
    await s.stripe.invoiceItems.create(
      { customer: customer.id, amount: 4900, currency: "usd", description: "Base fee" },
      on,
    );
    const draft = await s.stripe.invoices.create(
      { customer: customer.id, pending_invoice_items_behavior: "include", auto_advance: false },
      on,
    );
    const invoice = await s.stripe.invoices.finalizeInvoice(draft.id, {}, on);
    expect(invoice.status).toBe("open");
    expect(invoice.total).toBe(6134);
    expect(invoice.lines.data.map((l) => l.amount)).toEqual([1234, 4900]);
    expect(s.fake.ownerOf(invoice.id)).toBe(acct.id);

    // Not visible from the platform or from another connected account.
    await expect(s.stripe.customers.retrieve(customer.id)).rejects.toThrow(/No such/);
    await expect(
      s.stripe.invoices.retrieve(invoice.id, {}, { stripeAccount: other.id }),
    ).rejects.toThrow(/No such/);
    await expect(
      s.stripe.invoiceItems.create({ customer: customer.id, amount: 1, currency: "usd" }),
    ).rejects.toThrow(/No such customer/);
    const list = await s.stripe.invoices.list({ limit: 100 }, on);
    expect(list.data.map((i) => i.id)).toEqual([invoice.id]);
    expect((await s.stripe.invoices.list({ limit: 100 })).data).not.toContainEqual(
      expect.objectContaining({ id: invoice.id }),
    );
  });

  it("replays an idempotent request per account and refuses unknown accounts", async () => {
    const acct = await s.stripe.accounts.create({ type: "express" });
    const on = { stripeAccount: acct.id, idempotencyKey: "cust-acme" };
    const a = await s.stripe.customers.create({ name: "Acme" }, on);
    const b = await s.stripe.customers.create({ name: "Acme" }, on);
    expect(b.id).toBe(a.id);
    await expect(
      s.stripe.customers.create({ name: "X" }, { stripeAccount: "acct_nope" }),
    ).rejects.toThrow(/does not have access to account 'acct_nope'/);
  });

  it("attaches items to a given draft, leaves pending ones out with exclude, lists and deletes", async () => {
    const acct = await s.stripe.accounts.create({ type: "express" });
    const on = { stripeAccount: acct.id };
    const customer = await s.stripe.customers.create({ name: "Acme" }, on);
    const stray = await s.stripe.invoiceItems.create(
      { customer: customer.id, amount: 500, currency: "usd" },
      on,
    );
    const draft = await s.stripe.invoices.create(
      { customer: customer.id, pending_invoice_items_behavior: "exclude", auto_advance: false },
      on,
    );
    expect(draft.total).toBe(0);
    const attach = (amount: number, k: string) =>
      s.stripe.invoiceItems.create(
        { customer: customer.id, invoice: draft.id, amount, currency: "usd", metadata: { k } },
        on,
      );
    const a = await attach(100, "a");
    const b = await attach(200, "b");
    const seen = await s.stripe.invoices.retrieve(draft.id, {}, on);
    expect(seen.total).toBe(300);
    expect(seen.lines.data.map((l) => l.metadata)).toEqual([{ k: "a" }, { k: "b" }]);

    const listed = await s.stripe.invoiceItems.list({ invoice: draft.id, limit: 1 }, on);
    expect(listed.data.map((i) => i.id)).toEqual([b.id]); // newest first
    expect(listed.has_more).toBe(true);
    const all = await s.stripe.invoiceItems
      .list({ invoice: draft.id, limit: 1 }, on)
      .autoPagingToArray({ limit: 10 });
    expect(all.map((i) => i.id)).toEqual([b.id, a.id]);
    const pending = await s.stripe.invoiceItems.list({ customer: customer.id, pending: true }, on);
    expect(pending.data.map((i) => i.id)).toEqual([stray.id]);
    expect((await s.stripe.invoiceItems.list({ invoice: draft.id })).data).toEqual([]);

    expect(await s.stripe.invoiceItems.del(b.id, {}, on)).toMatchObject({
      id: b.id,
      deleted: true,
    });
    const final = await s.stripe.invoices.finalizeInvoice(draft.id, {}, on);
    expect(final.lines.data.map((l) => l.amount)).toEqual([100]);
    await expect(s.stripe.invoiceItems.del(a.id, {}, on)).rejects.toThrow(/draft invoice/);
    expect((await s.stripe.invoiceItems.retrieve(stray.id, {}, on)).invoice).toBeNull();
  });

  it("pays an open invoice on the header's account and emits invoice.paid with the account", async () => {
    const acct = await s.stripe.accounts.create({ type: "express" });
    const other = await s.stripe.accounts.create({ type: "express" });
    const on = { stripeAccount: acct.id };
    const customer = await s.stripe.customers.create({ name: "Payer" }, on);
    await s.stripe.invoiceItems.create(
      { customer: customer.id, amount: 700, currency: "usd", description: "Fee" },
      on,
    );
    const draft = await s.stripe.invoices.create({ customer: customer.id }, on);
    await expect(s.stripe.invoices.pay(draft.id, {}, on)).rejects.toThrow(/only pay an open/);
    await s.stripe.invoices.finalizeInvoice(draft.id, {}, on);
    await expect(s.stripe.invoices.pay(draft.id, {}, { stripeAccount: other.id })).rejects.toThrow(
      /No such/,
    );
    await expect(s.stripe.invoices.pay(draft.id)).rejects.toThrow(/No such/);
    const paid = await s.stripe.invoices.pay(draft.id, {}, on);
    expect(paid).toMatchObject({ status: "paid", amount_paid: 700, amount_remaining: 0 });
    const event = s.fake.state.events.at(-1);
    expect(event?.type).toBe("invoice.paid");
    expect(event?.account).toBe(acct.id);
    expect((event?.data as { object?: { id?: string } } | undefined)?.object?.id).toBe(draft.id);
    await expect(s.stripe.invoices.pay(draft.id, {}, on)).rejects.toThrow(/already paid/);
  });
});
