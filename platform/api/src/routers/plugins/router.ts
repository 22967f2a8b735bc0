import { createTRPCRouter } from "../../trpc";
import { callRoute } from "./call";
import { catalogRoute } from "./catalog";
import { enabledUiRoute } from "./enabled-ui";
import { getSettingsRoute } from "./get-settings";
import { installRoute } from "./install";
import { setSecretRoute } from "./set-secret";
import { disableRoute, enableRoute, uninstallRoute } from "./set-status";
import { updateSettingsRoute } from "./update-settings";
import { upgradeRoute } from "./upgrade";

export const pluginsRouter = createTRPCRouter({
  catalog: catalogRoute,
  install: installRoute,
  upgrade: upgradeRoute,
  enable: enableRoute,
  disable: disableRoute,
  uninstall: uninstallRoute,
  getSettings: getSettingsRoute,
  updateSettings: updateSettingsRoute,
  setSecret: setSecretRoute,
  enabledUi: enabledUiRoute,
  // `call` is reserved by tRPC (router keys may not be call, apply, then); hence `invoke`.
  invoke: callRoute,
});
