ALTER TABLE "client_invoices" DROP CONSTRAINT "client_invoices_status_check";--> statement-breakpoint
ALTER TABLE "client_invoices" ADD COLUMN "stripe_event_created" bigint;--> statement-breakpoint
ALTER TABLE "client_invoices" ADD CONSTRAINT "client_invoices_status_check" CHECK ("client_invoices"."status" in ('draft', 'open', 'paid', 'failed', 'void', 'uncollectible'));--> statement-breakpoint
CREATE POLICY "definer_read" ON "agency_connect_accounts" AS PERMISSIVE FOR SELECT TO "omnify_definer" USING (true);--> statement-breakpoint
-- A connected account's invoice webhooks name the Stripe account, not a tenant: this maps the
-- account to the agency that owns it (id only), and processing then acts inside that agency.
GRANT SELECT ON "agency_connect_accounts" TO omnify_definer;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.rebilling_agency_for_account(account_id text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT a.tenant_id FROM agency_connect_accounts a WHERE a.stripe_account_id = account_id $$;--> statement-breakpoint
ALTER FUNCTION app.rebilling_agency_for_account(text) OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.rebilling_agency_for_account(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.rebilling_agency_for_account(text) TO omnify_app;
