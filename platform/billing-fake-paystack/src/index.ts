export {
  type FakePaystack,
  type FakePaystackOptions,
  signPaystackPayload,
  startFakePaystack,
} from "./server";
export type { PaystackEvent, PaystackObject } from "./state";
