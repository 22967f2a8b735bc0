import type { MembershipRole } from "@omnify/db";
import type { TenantInput } from "./schema";
import evergreen from "./tenants/evergreen";
import northwind from "./tenants/northwind";
import sunset from "./tenants/sunset";

/** The demo agencies, imported statically so the launcher can list them synchronously. */
export const demoTenants: readonly TenantInput[] = [northwind, sunset, evergreen];

export type DemoSignIn = {
  /** `agency` or `agency/sub`. */
  label: string;
  /** Host under the platform host: `northwind.localhost`, `acme.northwind.localhost`. */
  host: string;
  email: string;
  name: string;
  role: MembershipRole;
};

/** Who can sign in where, one entry per demo member, for the launcher's welcome banner. */
export function demoSignIns(platformHost = "localhost"): DemoSignIn[] {
  return demoTenants.flatMap((agency) => [
    ...agency.members.map((m) => ({
      label: agency.slug,
      host: `${agency.slug}.${platformHost}`,
      ...m,
    })),
    ...(agency.subaccounts ?? []).flatMap((sub) =>
      sub.members.map((m) => ({
        label: `${agency.slug}/${sub.slug}`,
        host: `${sub.slug}.${agency.slug}.${platformHost}`,
        ...m,
      })),
    ),
  ]);
}
