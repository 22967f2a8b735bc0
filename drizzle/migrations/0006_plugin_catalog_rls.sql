-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "plugin_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plugin_installations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plugin_secrets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plugin_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- The catalog is read by everyone and written only by the registration path (admin login).
-- Default privileges gave the app role full DML on new tables; take the writes back.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "plugin_versions" FROM omnify_app;--> statement-breakpoint
REVOKE ALL ON "plugin_versions" FROM PUBLIC;--> statement-breakpoint

-- Installed tenants pin (plugin, version) and consented to exactly that build, so a catalog
-- row never changes, not even for the owner: a new build needs a new version.
CREATE OR REPLACE FUNCTION app.refuse_catalog_update() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog
AS $$
BEGIN
  RAISE EXCEPTION 'plugin_versions rows are immutable: % % was already registered; bump the version',
    OLD.plugin_id, OLD.version
    USING ERRCODE = 'raise_exception';
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.refuse_catalog_update() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER plugin_versions_immutable BEFORE UPDATE ON "plugin_versions"
  FOR EACH ROW EXECUTE FUNCTION app.refuse_catalog_update();--> statement-breakpoint

-- System jobs (plugin cron schedules, the uninstall purge, the event outbox) must learn which
-- tenants to visit before any tenant is set; like app.tenant_ids(), these return ids and
-- status only, and the jobs then act inside each tenant through withTenant.
GRANT SELECT ON "plugin_installations", "plugin_events" TO omnify_definer;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.plugin_installation_index()
RETURNS TABLE (tenant_id uuid, plugin_id text, version text, status text, uninstalled_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT i.tenant_id, i.plugin_id, i.version, i.status, i.uninstalled_at
  FROM plugin_installations i ORDER BY i.plugin_id, i.tenant_id
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.plugin_event_tenants()
RETURNS TABLE (tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT DISTINCT e.tenant_id FROM plugin_events e $$;--> statement-breakpoint
ALTER FUNCTION app.plugin_installation_index() OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.plugin_event_tenants() OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.plugin_installation_index() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.plugin_event_tenants() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.plugin_installation_index(), app.plugin_event_tenants() TO omnify_app;
