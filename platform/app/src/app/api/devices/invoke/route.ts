import { requestMeta } from "../../../../server/request-meta";
import { getRestHandlers } from "../../../../server/rest";

/** A paired screen runs one of a plugin's device procedures (bearer device token). */
export function POST(req: Request) {
  return getRestHandlers().devices.invoke(req, { ip: requestMeta(req.headers).ip });
}
