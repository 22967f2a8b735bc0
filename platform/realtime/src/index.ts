export { UNAUTHORIZED } from "./auth";
export { type RealtimeEnv, readRealtimeEnv, realtimeEnvSchema } from "./env";
export { isEventId, tenantRoom, userRoom } from "./events";
export {
  createRealtimeGateway,
  type GatewayOptions,
  type Logger,
  type RealtimeGateway,
} from "./gateway";
