import { defineTenant } from "../schema";

export default defineTenant({
  slug: "northwind",
  name: "Northwind Media",
  theme: "aurora",
  plan: "pro",
  plugins: ["utm-links", "billboards"],
  members: [
    { email: "owner@northwind.test", name: "Nora Owner", role: "agency_owner" },
    { email: "admin@northwind.test", name: "Adam Admin", role: "agency_admin" },
    { email: "member@northwind.test", name: "Mia Member", role: "agency_member" },
  ],
  subaccounts: [
    {
      slug: "acme",
      name: "Acme Bakery",
      plugins: ["utm-links"],
      members: [{ email: "admin@acme.test", name: "Alice Acme", role: "subaccount_admin" }],
    },
    {
      slug: "globex",
      name: "Globex Fitness",
      theme: "grove",
      plugins: [],
      members: [{ email: "staff@globex.test", name: "Gus Globex", role: "subaccount_member" }],
    },
  ],
});
