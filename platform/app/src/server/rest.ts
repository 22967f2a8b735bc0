import {
  createDevicePairingHandlers,
  createRestFetchHandler,
  type RestFetchHandler,
} from "@omnify/api";
import { getDeps } from "./deps";

type RestHandlers = {
  rest: RestFetchHandler;
  pairing: ReturnType<typeof createDevicePairingHandlers>;
};

// Beside getDeps' holder, for the same reason: dev reloads reuse one set of handlers.
const holder = globalThis as typeof globalThis & { __omnifyRest?: RestHandlers };

/** The public REST API and the screens' pairing endpoints, built on the shared services. */
export function getRestHandlers(): RestHandlers {
  if (!holder.__omnifyRest) {
    const deps = getDeps();
    holder.__omnifyRest = {
      rest: createRestFetchHandler(deps),
      pairing: createDevicePairingHandlers(deps.db),
    };
  }
  return holder.__omnifyRest;
}
