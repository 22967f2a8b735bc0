import { randomUUID } from "node:crypto";
import type { MembershipRole } from "@omnify/db";
import type postgres from "postgres";
import { hashPassword } from "../src/auth/password";
import type { CoreConfig } from "../src/env";

export const PASSWORD = "correct horse battery";

export const testConfig: CoreConfig = {
  platformHost: "omnify.test",
  publicScheme: "https",
  publicPort: "",
  smtpUrl: undefined,
  mailFrom: "Omnify <no-reply@omnify.test>",
  mailOutbox: undefined,
};

export type World = {
  alpha: string;
  client: string;
  other: string;
  beta: string;
  users: Record<
    "owner" | "admin" | "member" | "clientUser" | "betaUser" | "platformAdmin" | "outsider",
    { id: string; email: string }
  >;
};

const ids = () => randomUUID();

/**
 * Two agencies, written as the superuser: alpha (custom domain alpha-agency.co.uk verified,
 * pending.example.com pending) with sub-accounts "client" and "other", and beta.
 */
export async function seedWorld(admin: postgres.Sql): Promise<World> {
  const [alpha, client, other, beta] = [ids(), ids(), ids(), ids()];
  await admin`insert into tenants (id, kind, slug, name, theme_id, brand) values
    (${alpha}, 'agency', 'alpha', 'Alpha Agency', 'aurora', ${admin.json({ logo: "/a.svg" })}),
    (${beta}, 'agency', 'beta', 'Beta Agency', 'ember', '{}')`;
  await admin`insert into tenants (id, kind, parent_id, slug, name, theme_id) values
    (${client}, 'subaccount', ${alpha}, 'client', 'Client Co', 'grove'),
    (${other}, 'subaccount', ${alpha}, 'other', 'Other Co', 'grove')`;
  await admin`insert into tenant_domains (tenant_id, hostname, status, verification_token) values
    (${alpha}, 'alpha-agency.co.uk', 'verified', 'v1'),
    (${alpha}, 'pending.example.com', 'pending', 'v2')`;

  const hash = await hashPassword(PASSWORD);
  const people = {
    owner: { tenant: alpha, role: "agency_owner" },
    admin: { tenant: alpha, role: "agency_admin" },
    member: { tenant: alpha, role: "agency_member" },
    clientUser: { tenant: client, role: "subaccount_member" },
    betaUser: { tenant: beta, role: "agency_owner" },
    platformAdmin: null,
    outsider: null,
  } satisfies Record<string, { tenant: string; role: MembershipRole } | null>;
  const users = {} as World["users"];
  for (const [key, membership] of Object.entries(people)) {
    const id = ids();
    const email = `${key.toLowerCase()}@people.test`;
    const isAdmin = key === "platformAdmin";
    await admin`insert into users (id, email, name, password_hash, is_platform_admin)
      values (${id}, ${email}, ${key}, ${hash}, ${isAdmin})`;
    if (membership) {
      await admin`insert into memberships (tenant_id, user_id, role)
        values (${membership.tenant}, ${id}, ${membership.role})`;
    }
    users[key as keyof World["users"]] = { id, email };
  }
  return { alpha, client, other, beta, users };
}
