import { getRestHandlers } from "../../../../server/rest";

/** A screen asks for a pairing code (anonymous; the code is worthless until an admin claims it). */
export function POST() {
  return getRestHandlers().pairing.pair();
}
