-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (drizzle-orm #5819). Without FORCE the
-- table owner bypasses every policy, so each table gets it here. New tables must add it in
-- their own migration; drizzle/test/schema-guard.integration.test.ts fails if one does not.
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_domains" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_plugins" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "auth_sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handoff_tokens" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

GRANT USAGE ON SCHEMA public, app TO omnify_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO omnify_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO omnify_app;--> statement-breakpoint

-- Host routing happens before any tenant is known, so it goes through one narrow
-- SECURITY DEFINER function that returns only public branding fields, never whole rows.
CREATE OR REPLACE FUNCTION app.route_tenant(p_agency_slug text, p_custom_host text, p_sub_slug text)
RETURNS TABLE (
  tenant_id uuid, kind text, slug text, name text, theme_id text, brand jsonb,
  agency_id uuid, agency_slug text, agency_name text, agency_theme_id text, agency_brand jsonb
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  WITH agency AS (
    SELECT t.id, t.slug, t.name, t.theme_id, t.brand
    FROM tenants t
    WHERE t.kind = 'agency'
      AND CASE
        WHEN p_custom_host IS NOT NULL THEN t.id = (
          SELECT d.tenant_id FROM tenant_domains d
          WHERE d.hostname = lower(p_custom_host) AND d.status = 'verified')
        ELSE t.slug = p_agency_slug
      END
  )
  SELECT coalesce(s.id, a.id), coalesce(s.kind, 'agency'), coalesce(s.slug, a.slug),
         coalesce(s.name, a.name), coalesce(s.theme_id, a.theme_id), coalesce(s.brand, a.brand),
         a.id, a.slug, a.name, a.theme_id, a.brand
  FROM agency a
  LEFT JOIN tenants s ON p_sub_slug IS NOT NULL AND s.parent_id = a.id AND s.slug = p_sub_slug
  WHERE p_sub_slug IS NULL OR s.id IS NOT NULL
$$;--> statement-breakpoint

-- Sign-in and invitation acceptance must find a user by e-mail before any membership makes
-- the row visible. Only the id, name and password hash come back.
CREATE OR REPLACE FUNCTION app.user_for_login(p_email text)
RETURNS TABLE (id uuid, name text, password_hash text, is_platform_admin boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT u.id, u.name, u.password_hash, u.is_platform_admin FROM users u WHERE u.email = p_email::citext $$;--> statement-breakpoint

-- System jobs (expiring invitations, roll-ups) walk tenants one withTenant() at a time; they
-- learn which tenants exist from this list of ids and nothing more.
CREATE OR REPLACE FUNCTION app.tenant_ids()
RETURNS TABLE (id uuid, kind text, parent_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT t.id, t.kind, t.parent_id FROM tenants t ORDER BY t.created_at, t.id $$;--> statement-breakpoint

GRANT USAGE ON SCHEMA public TO omnify_definer;--> statement-breakpoint
GRANT SELECT ON tenants, tenant_domains, users TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.route_tenant(text, text, text) OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.user_for_login(text) OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.tenant_ids() OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.tenant_ids() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.route_tenant(text, text, text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.user_for_login(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO omnify_app;
