import { requestMeta } from "../../../../server/request-meta";
import { getRestHandlers } from "../../../../server/rest";

/**
 * A screen asks for a pairing code (anonymous; the code is worthless until an admin claims
 * it). Rate-limited per client address.
 */
export function POST(req: Request) {
  return getRestHandlers().pairing.pair({ ip: requestMeta(req.headers).ip });
}
