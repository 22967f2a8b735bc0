-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "agency_connect_accounts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_plans" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_billing" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_invoices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_invoice_lines" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_invoice_line_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- The trace is append-only: a line's events never change once written (deleting the invoice
-- cascades to them).
REVOKE UPDATE, DELETE ON "client_invoice_line_events" FROM omnify_app;--> statement-breakpoint

-- The spend-cap message names the agency, which a sub-account cannot read: this returns the
-- name of the current tenant's parent, and nothing about any other tenant.
CREATE OR REPLACE FUNCTION app.parent_agency_name()
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT p.name FROM tenants c JOIN tenants p ON p.id = c.parent_id
      WHERE c.id = app.current_tenant() $$;--> statement-breakpoint
ALTER FUNCTION app.parent_agency_name() OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.parent_agency_name() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.parent_agency_name() TO omnify_app;--> statement-breakpoint

-- The monthly invoicing sweep starts from the agencies that bill at least one client (ids only).
GRANT SELECT ON "client_billing" TO omnify_definer;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.rebilling_agency_ids()
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT DISTINCT b.tenant_id FROM client_billing b $$;--> statement-breakpoint
ALTER FUNCTION app.rebilling_agency_ids() OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.rebilling_agency_ids() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.rebilling_agency_ids() TO omnify_app;
