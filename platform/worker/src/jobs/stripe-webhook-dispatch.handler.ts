import { sql } from "@omnify/db";
import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { dispatchStripeEventsPayload } from "./stripe-webhook";
import { queueStripeEvent } from "./stripe-webhook-listener";

const run: JobHandler<z.output<typeof dispatchStripeEventsPayload>> = async (_p, { db, boss }) => {
  // Oldest first, so a catch-up applies events in Stripe's order where it can.
  const pending = await db.withoutTenant((tx) =>
    tx.execute<{ id: string }>(
      sql`select id from stripe_events where processed_at is null order by stripe_created, received_at limit 500`,
    ),
  );
  for (const row of pending) await queueStripeEvent(boss, row.id);
  return { dispatched: pending.length };
};

export default run;
