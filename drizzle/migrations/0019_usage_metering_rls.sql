-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "usage_monthly" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_rollups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_rollup_state" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_alerts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_stripe_reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_reconciliations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- An agency's usage page charts its sub-accounts, which are separate tenants. This returns
-- the roll-ups of the CALLING tenant's own sub-accounts only (parent_id = current tenant),
-- as aggregates; a sub-account caller gets nothing, and no other agency's rows are reachable.
GRANT SELECT ON "usage_rollups" TO omnify_definer;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.subaccount_usage(p_period text, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (tenant_id uuid, name text, source text, meter text, bucket_start timestamptz, value numeric)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT r.tenant_id, t.name, r.source, r.meter, r.bucket_start, r.value
  FROM usage_rollups r JOIN tenants t ON t.id = r.tenant_id
  WHERE t.parent_id = app.current_tenant() AND t.kind = 'subaccount'
    AND r.period = p_period AND r.bucket_start >= p_from AND r.bucket_start < p_to
  ORDER BY t.name, r.meter, r.bucket_start
$$;--> statement-breakpoint
ALTER FUNCTION app.subaccount_usage(text, timestamptz, timestamptz) OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.subaccount_usage(text, timestamptz, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.subaccount_usage(text, timestamptz, timestamptz) TO omnify_app;
