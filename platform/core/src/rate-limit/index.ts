export { consumeAnonymousRateLimit } from "./anonymous";
export {
  consumeRateLimit,
  type RateLimitPolicy,
  type RateLimitResult,
  rateLimitHeaders,
} from "./consume";
