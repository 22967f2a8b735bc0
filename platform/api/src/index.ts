export {
  type ApiConfig,
  type ApiDeps,
  type Context,
  createContextFactory,
  type RequestInfo,
} from "./context";
export { CSRF_HEADER, csrfRefusal } from "./csrf";
export { createTrpcFetchHandler, TRPC_ENDPOINT, type TrpcFetchHandler } from "./fetch-handler";
export * from "./rest/index";
export { type AppRouter, appRouter } from "./root";

import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

/** Server-side caller: `createCaller(await createContext(...)).members.find()`. */
export const createCaller = createCallerFactory(appRouter);
