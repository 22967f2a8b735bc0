import { getBrandSettings } from "@omnify/core";
import { adminProcedure } from "../../trpc";
import { ZBrandSettings } from "./brand-settings.types";

/** Agency owners/admins: the brand as the editor shows it (stored values, base theme colours). */
export const getBrandSettingsRoute = adminProcedure
  .output(ZBrandSettings)
  .query(({ ctx }) => getBrandSettings(ctx.tx, ctx.tenant));
