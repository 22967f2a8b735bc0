import { createAuthSession } from "@omnify/core";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { capturingMailer, setupWorld, type WorldSetup } from "../../core/test/helpers";
import { testConfig } from "../../core/test/seed";
import { type ApiConfig, type ApiDeps, createContextFactory } from "../src/context";
import { createCaller } from "../src/index";

export const REALTIME_SECRET = "test-realtime-secret-0123456789";
export const apiConfig: ApiConfig = {
  ...testConfig,
  realtimeUrl: "https://rt.omnify.test",
  realtimeSecret: REALTIME_SECRET,
  omnifySecret: "omnify-secret-for-api-tests-0123456789",
};

/**
 * A seeded database plus the API's services wired to it, with a capturing mailer. Pass a
 * world (e.g. one with a running plugin runtime) and extra services to reuse the helpers.
 */
export function setupApi<W extends WorldSetup = WorldSetup>(
  opts: { world?: W; extra?: () => Partial<ApiDeps> } = {},
) {
  const world = opts.world ?? (setupWorld() as W);
  const mailer = capturingMailer();
  const deps = (): ApiDeps => ({
    db: world.t.app,
    mailer,
    config: apiConfig,
    ...opts.extra?.(),
  });

  /** A server-side caller as a browser on `host` with `token` would get. */
  async function callerFor(host: string, token: string | null = null) {
    const ctx = await createContextFactory(deps())({
      headers: new Headers({ host }),
      sessionToken: token,
      ip: null,
    });
    return createCaller(ctx);
  }

  /** A session token for `userId` on `tenantId`, as sign-in would issue. */
  async function signIn(tenantId: string, userId: string): Promise<string> {
    return (await createAuthSession(world.t.app, { tenantId, userId })).token;
  }

  /** A caller for `userId` signed in on `tenantId`, browsing `host`. */
  async function as(host: string, tenantId: string, userId: string) {
    return callerFor(host, await signIn(tenantId, userId));
  }

  return { world, mailer, deps, callerFor, signIn, as };
}

/** Awaits a call that must fail with a tRPC error of `code`, and returns the error. */
export async function trpcFailure(work: Promise<unknown>, code: TRPCError["code"]) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}
