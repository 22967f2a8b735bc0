import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyBrandOverrides, getTheme } from "@omnify/themes";
import { describe, expect, it } from "vitest";
import { brandedFrom } from "../src/mail/branded-from";
import { escapeHtml } from "../src/mail/escape-html";
import { mailBrandFromTheme } from "../src/mail/layout";
import { createLogMailer } from "../src/mail/mailer";
import { invitationMail } from "../src/mail/templates/invitation";

const base = {
  to: "new@people.test",
  brand: mailBrandFromTheme(applyBrandOverrides(getTheme("aurora"), { productName: "Alpha" }), {
    origin: "https://alpha.omnify.test",
    supportEmail: null,
  }),
  tenantName: "Client Co",
  agencyName: "Alpha Agency",
  inviterName: "Ann",
  role: "subaccount_member" as const,
  acceptUrl: "https://client.alpha.omnify.test/invite/abc",
  expiresAt: new Date("2030-01-01T00:00:00Z"),
};

describe("invitation mail", () => {
  it("is branded with the tenant and agency and carries the link", () => {
    const mail = invitationMail(base);
    expect(mail.subject).toBe("You're invited to join Client Co on Alpha Agency");
    expect(mail.text).toContain(
      "Ann invited you to join Client Co (via Alpha Agency) as a member.",
    );
    expect(mail.text).toContain(base.acceptUrl);
    expect(mail.html).toContain(`href="${base.acceptUrl}"`);
  });

  it("escapes every interpolated value and keeps the subject on one line", () => {
    const mail = invitationMail({
      ...base,
      tenantName: '<script>alert("x")</script>\r\nBcc: victim@x',
      inviterName: "<img src=x onerror=alert(1)>",
      acceptUrl: 'https://a.test/invite/x"><b>',
    });
    expect(mail.html).not.toMatch(/<script|<img|"><b>/);
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("escapes brand values in the layout and offers a plain-text alternative", () => {
    const mail = invitationMail({
      ...base,
      brand: {
        ...base.brand,
        productName: '<b onmouseover="x">Acme</b>',
        logoUrl: 'https://a.test/l.png" onerror="alert(1)',
        supportEmail: "help@acme.test",
      },
    });
    expect(mail.html).not.toMatch(/<b onmouseover|" onerror="/);
    expect(mail.html).toContain("&lt;b onmouseover=&quot;x&quot;&gt;Acme&lt;/b&gt;");
    expect(mail.text).toContain(
      "Accept the invitation: https://client.alpha.omnify.test/invite/abc",
    );
    expect(mail.text).toContain("Questions? Write to help@acme.test.");
    // Plain text is not HTML: names appear as typed, without entities.
    expect(mail.text).toContain('<b onmouseover="x">Acme</b>');
  });

  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("brandedFrom keeps the address and strips header-breaking characters", () => {
    expect(brandedFrom("Omnify <no-reply@omnify.test>", "Alpha Agency")).toBe(
      '"Alpha Agency" <no-reply@omnify.test>',
    );
    expect(brandedFrom("no-reply@omnify.test", 'Evil"\r\nBcc: x')).toBe(
      '"EvilBcc: x" <no-reply@omnify.test>',
    );
  });
});

describe("log mailer", () => {
  it("prints a summary and writes one JSON file per message to the outbox", async () => {
    const dir = await mkdtemp(join(tmpdir(), "outbox-"));
    const lines: string[] = [];
    try {
      const mailer = createLogMailer(
        { mailFrom: "Omnify <no-reply@omnify.test>", mailOutbox: join(dir, "nested") },
        (line) => lines.push(line),
      );
      await mailer.send({ to: "a@b.test", subject: "Hi", text: "body", html: "<p>body</p>" });
      await mailer.send({ to: "c@d.test", subject: "Yo", text: "t", html: "h", from: "x@y.test" });
      const files = (await readdir(join(dir, "nested"))).sort();
      expect(files).toHaveLength(2);
      const all = await Promise.all(
        files.map(async (f) => JSON.parse(await readFile(join(dir, "nested", f), "utf8"))),
      );
      const first = all.find((m) => m.to === "a@b.test");
      expect(first).toMatchObject({
        to: "a@b.test",
        from: "Omnify <no-reply@omnify.test>",
        subject: "Hi",
        text: "body",
        html: "<p>body</p>",
      });
      expect(new Date(first.sentAt).getTime()).not.toBeNaN();
      expect(all.find((m) => m.to === "c@d.test")?.from).toBe("x@y.test");
      expect(lines[0]).toContain('to=a@b.test subject="Hi"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("writes nothing without an outbox", async () => {
    const lines: string[] = [];
    const mailer = createLogMailer({ mailFrom: "x@y.test", mailOutbox: undefined }, (l) =>
      lines.push(l),
    );
    await mailer.send({ to: "a@b.test", subject: "Hi", text: "body", html: "" });
    expect(lines).toHaveLength(1);
  });
});
