import { DomainError } from "@omnify/core";
import { sql } from "@omnify/db";
import { describe, expect, it } from "vitest";
import { createContextFactory } from "../src/context";
import { createCallerFactory, createTRPCRouter, tenantProcedure } from "../src/trpc";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;

// A throwaway router: proves the transaction and error plumbing of tenantProcedure itself.
const probe = createTRPCRouter({
  writeThenFail: tenantProcedure.mutation(async ({ ctx }) => {
    await ctx.tx.execute(
      sql`insert into tenant_domains (tenant_id, hostname, verification_token)
        values (${ctx.tenant.id}, 'probe.example.test', 'probe')`,
    );
    throw new DomainError("CONFLICT", "changed my mind", "hostname");
  }),
  whoAmI: tenantProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.tx.execute<{ tenant: string; user: string }>(
      sql`select app.current_tenant()::text as tenant, app.current_user_id()::text as user`,
    );
    return { ...row, role: ctx.role, userId: ctx.user.id };
  }),
});

async function probeFor(host: string, tenantId: string, userId: string) {
  const ctx = await createContextFactory(api.deps())({
    headers: new Headers({ host }),
    sessionToken: await api.signIn(tenantId, userId),
    ip: null,
  });
  return createCallerFactory(probe)(ctx);
}

describe("tenantProcedure", () => {
  it("runs the resolver as the host's tenant and the signed-in user", async () => {
    const caller = await probeFor("client.alpha.omnify.test", s.w.client, s.w.users.owner.id);
    expect(await caller.whoAmI()).toEqual({
      tenant: s.w.client,
      user: s.w.users.owner.id,
      role: "agency_owner",
      userId: s.w.users.owner.id,
    });
  });

  it("rolls the transaction back and maps the DomainError when the resolver fails", async () => {
    const caller = await probeFor("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    const error = await trpcFailure(caller.writeThenFail(), "CONFLICT");
    expect(error.message).toBe("changed my mind");
    expect(error.cause).toBeInstanceOf(DomainError);
    expect(
      await s.t.admin`select 1 from tenant_domains where hostname = 'probe.example.test'`,
    ).toHaveLength(0);
  });
});
