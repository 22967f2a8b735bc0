import { createTRPCRouter } from "../../trpc";
import { getBrandSettingsRoute } from "./get-brand-settings";
import { getBrandingRoute } from "./get-branding";
import { updateBrandRoute } from "./update-brand";

export const brandingRouter = createTRPCRouter({
  get: getBrandingRoute,
  getSettings: getBrandSettingsRoute,
  update: updateBrandRoute,
});
