-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "export_jobs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- The worker learns which exports and imports wait before any tenant is set; like
-- app.tenant_ids(), this returns ids only, and the job then acts inside the tenant.
GRANT SELECT ON "export_jobs" TO omnify_definer;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.queued_export_jobs()
RETURNS TABLE (tenant_id uuid, id uuid, kind text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT j.tenant_id, j.id, j.kind FROM export_jobs j WHERE j.status = 'queued' ORDER BY j.created_at, j.id $$;--> statement-breakpoint

-- The domain re-verification cron visits only tenants that have custom domains.
CREATE OR REPLACE FUNCTION app.domain_tenant_ids()
RETURNS TABLE (tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT DISTINCT d.tenant_id FROM tenant_domains d ORDER BY d.tenant_id $$;--> statement-breakpoint
ALTER FUNCTION app.queued_export_jobs() OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.domain_tenant_ids() OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.queued_export_jobs() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.domain_tenant_ids() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.queued_export_jobs(), app.domain_tenant_ids() TO omnify_app;
