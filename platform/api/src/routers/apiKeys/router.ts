import { createTRPCRouter } from "../../trpc";
import { createApiKeyRoute } from "./create-api-key";
import { findApiKeysRoute } from "./find-api-keys";
import { revokeApiKeyRoute } from "./revoke-api-key";

export const apiKeysRouter = createTRPCRouter({
  find: findApiKeysRoute,
  create: createApiKeyRoute,
  revoke: revokeApiKeyRoute,
});
