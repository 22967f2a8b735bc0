export {
  type ApiKeyPrincipal,
  authenticateApiKey,
  touchApiKey,
} from "./authenticate-api-key";
export {
  type CreateApiKeyInput,
  type CreatedApiKey,
  createApiKey,
  MAX_API_KEY_DAYS,
  scopeModules,
} from "./create-api-key";
export { parseApiKey } from "./key-format";
export { type ApiKeySummary, listApiKeys } from "./list-api-keys";
export { revokeApiKey } from "./revoke-api-key";
export { CORE_SCOPE_MODULES, grantsScope, parseScopes, SCOPE_VERBS } from "./scopes";
