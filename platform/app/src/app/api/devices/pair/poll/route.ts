import { getRestHandlers } from "../../../../../server/rest";

/** The screen polls with { pairingId, pollToken }; once claimed it gets its token, once. */
export function POST(req: Request) {
  return getRestHandlers().pairing.poll(req);
}
