import { describe, expect, it } from "vitest";
import { authenticate } from "../../src/auth/authenticate";
import { requestPasswordReset } from "../../src/auth/password-reset/request-password-reset";
import { resetPassword } from "../../src/auth/password-reset/reset-password";
import { createAuthSession, validateAuthSession } from "../../src/auth/sessions";
import { capturingMailer, domainFailure, setupWorld } from "../helpers";
import { testConfig } from "../seed";

const s = setupWorld();
const tokenFrom = (text: string | undefined) =>
  /\/reset-password\/([a-z2-7]{32})/.exec(text ?? "")?.[1] ?? "";

describe("password reset", () => {
  it("mails a link on the tenant's own origin, and nothing for strangers", async () => {
    const mailer = capturingMailer();
    const input = { tenant: s.alpha, mailer, config: testConfig };
    await requestPasswordReset(s.t.app, { ...input, email: s.w.users.member.email });
    await requestPasswordReset(s.t.app, { ...input, email: "nobody@people.test" });
    // A member of another agency gets nothing from this tenant either.
    await requestPasswordReset(s.t.app, { ...input, email: s.w.users.betaUser.email });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.text).toContain("https://alpha.omnify.test/reset-password/");
    expect(mailer.sent[0]?.from).toContain("Alpha Agency");
  });

  it("sets the password once, within 30 minutes, and signs the user out everywhere", async () => {
    const mailer = capturingMailer();
    const { id: userId, email } = s.w.users.admin;
    const t0 = new Date();
    await requestPasswordReset(s.t.app, { tenant: s.alpha, mailer, config: testConfig, email }, t0);
    const token = tokenFrom(mailer.sent[0]?.text);
    const onAlpha = await createAuthSession(s.t.app, { tenantId: s.alpha.id, userId });
    const onClient = await createAuthSession(s.t.app, { tenantId: s.client.id, userId });

    const short = await domainFailure(
      resetPassword(s.t.app, { tenant: s.alpha, token, password: "short" }),
    );
    expect(short.field).toBe("password");
    // Another tenant cannot spend this tenant's token.
    const elsewhere = await domainFailure(
      resetPassword(s.t.app, { tenant: s.beta, token, password: "brand-new-password" }),
    );
    expect(elsewhere.field).toBe("token");

    await resetPassword(s.t.app, { tenant: s.alpha, token, password: "brand-new-password" });
    expect(await authenticate(s.t.app, { email, password: "brand-new-password" })).not.toBeNull();
    expect(await validateAuthSession(s.t.app, s.alpha.id, onAlpha.token)).toBeNull();
    expect(await validateAuthSession(s.t.app, s.client.id, onClient.token)).toBeNull();

    const reused = await domainFailure(
      resetPassword(s.t.app, { tenant: s.alpha, token, password: "another-password-9" }),
    );
    expect(reused.field).toBe("token");
  });

  it("refuses an expired link", async () => {
    const mailer = capturingMailer();
    const email = s.w.users.owner.email;
    const t0 = new Date(Date.now() - 31 * 60_000);
    await requestPasswordReset(s.t.app, { tenant: s.alpha, mailer, config: testConfig, email }, t0);
    const token = tokenFrom(mailer.sent[0]?.text);
    expect(token).not.toBe("");
    const error = await domainFailure(
      resetPassword(s.t.app, { tenant: s.alpha, token, password: "brand-new-password" }),
    );
    expect(error.field).toBe("token");
  });
});
