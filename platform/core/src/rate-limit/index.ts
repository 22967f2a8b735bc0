export {
  consumeRateLimit,
  type RateLimitPolicy,
  type RateLimitResult,
  rateLimitHeaders,
} from "./consume";
