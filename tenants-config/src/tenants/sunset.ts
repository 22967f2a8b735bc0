import { defineTenant } from "../schema";

export default defineTenant({
  slug: "sunset",
  name: "Sunset Digital",
  theme: "ember",
  plan: "basic",
  plugins: [],
  // Verified here so the custom-domain route works in development without a DNS check.
  domains: [{ hostname: "portal.sunset.test", verified: true }],
  members: [{ email: "owner@sunset.test", name: "Sam Sunset", role: "agency_owner" }],
  subaccounts: [
    {
      slug: "bistro",
      name: "Bistro Lumière",
      members: [{ email: "admin@bistro.test", name: "Bea Bistro", role: "subaccount_admin" }],
    },
  ],
});
