import { describe, expect, it } from "vitest";
import { readCoreConfig } from "../src/env";

describe("readCoreConfig", () => {
  it("applies the documented defaults", () => {
    expect(readCoreConfig({})).toEqual({
      platformHost: "localhost",
      publicScheme: "http",
      publicPort: "3000",
      smtpUrl: undefined,
      mailFrom: "Omnify <no-reply@omnify.localhost>",
      mailOutbox: undefined,
    });
  });

  it("reads every variable, keeping an empty port as 'default port'", () => {
    const cfg = readCoreConfig({
      PLATFORM_HOST: "Omnify.Example",
      OMNIFY_PUBLIC_SCHEME: "https",
      OMNIFY_PUBLIC_PORT: "",
      SMTP_URL: "smtp://u:p@mail.example:587",
      MAIL_FROM: "X <x@example.com>",
      OMNIFY_MAIL_OUTBOX: "/tmp/outbox",
    });
    expect(cfg).toMatchObject({
      platformHost: "omnify.example",
      publicPort: "",
      mailOutbox: "/tmp/outbox",
    });
  });

  it.each([
    [{ OMNIFY_PUBLIC_SCHEME: "ftp" }, "OMNIFY_PUBLIC_SCHEME"],
    [{ OMNIFY_PUBLIC_PORT: "eighty" }, "OMNIFY_PUBLIC_PORT"],
    [{ SMTP_URL: "not a url" }, "SMTP_URL"],
  ])("names the bad variable %j", (env, name) => {
    expect(() => readCoreConfig(env)).toThrow(name);
  });
});
