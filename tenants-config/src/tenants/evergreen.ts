import { defineTenant } from "../schema";

export default defineTenant({
  slug: "evergreen",
  name: "Evergreen Collective",
  theme: "grove",
  plan: "free",
  plugins: [],
  members: [{ email: "owner@evergreen.test", name: "Eve Evergreen", role: "agency_owner" }],
});
