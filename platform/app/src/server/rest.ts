import {
  createDeviceHandlers,
  createDevicePairingHandlers,
  createPluginFileHandler,
  createPluginUploadHandler,
  createRestFetchHandler,
  type RestFetchHandler,
} from "@omnify/api";
import { getDeps } from "./deps";

type RestHandlers = {
  rest: RestFetchHandler;
  pairing: ReturnType<typeof createDevicePairingHandlers>;
  devices: ReturnType<typeof createDeviceHandlers>;
  uploads: ReturnType<typeof createPluginUploadHandler>;
  files: ReturnType<typeof createPluginFileHandler>;
};

// Beside getDeps' holder, for the same reason: dev reloads reuse one set of handlers.
const holder = globalThis as typeof globalThis & { __omnifyRest?: RestHandlers };

/** The public REST API, the screens' endpoints and plugin files, built on the shared services. */
export function getRestHandlers(): RestHandlers {
  if (!holder.__omnifyRest) {
    const deps = getDeps();
    holder.__omnifyRest = {
      rest: createRestFetchHandler(deps),
      pairing: createDevicePairingHandlers(deps.db),
      devices: createDeviceHandlers({
        db: deps.db,
        pluginRuntime: deps.pluginRuntime,
        realtimeSecret: deps.config.realtimeSecret,
        realtimeUrl: deps.config.realtimeUrl,
      }),
      uploads: createPluginUploadHandler({
        db: deps.db,
        storage: deps.storage,
        config: deps.config,
      }),
      files: createPluginFileHandler({
        db: deps.db,
        storage: deps.storage,
        omnifySecret: deps.config.omnifySecret,
      }),
    };
  }
  return holder.__omnifyRest;
}
