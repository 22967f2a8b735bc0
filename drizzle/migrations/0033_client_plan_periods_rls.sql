-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "client_plan_periods" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Backfill: every attached client gets an open period on its plan as it stands now. Its attach
-- time was never stored, so the period starts at the start of the previous UTC month: a month
-- not invoiced yet when this runs (the job runs on the 1st) is billed as before this change
-- (whole month, current plan), and an invoiced one is never recomputed.
INSERT INTO "client_plan_periods" ("tenant_id", "subaccount_id", "plan_id", "plan", "effective_from")
SELECT b."tenant_id", b."subaccount_id", b."plan_id",
  jsonb_build_object(
    'name', p."name",
    'currency', p."currency",
    'baseFeeCents', p."base_fee_cents",
    'markupPercent', trim_scale(p."markup_percent")::text,
    'meters', p."meters"
  ),
  (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month') AT TIME ZONE 'UTC'
FROM "client_billing" b JOIN "client_plans" p ON p."id" = b."plan_id"
WHERE b."plan_id" IS NOT NULL;
