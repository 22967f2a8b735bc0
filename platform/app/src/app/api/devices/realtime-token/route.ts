import { requestMeta } from "../../../../server/request-meta";
import { getRestHandlers } from "../../../../server/rest";

/** A paired screen's socket token for its own room `device:<id>` (bearer device token). */
export function POST(req: Request) {
  return getRestHandlers().devices.realtimeToken(req, { ip: requestMeta(req.headers).ip });
}
