-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "billing_customers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "subscriptions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stripe_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "feature_overrides" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- A webhook names a Stripe customer, not a tenant: this maps one to the other (id only),
-- and processing then acts inside that tenant.
GRANT SELECT ON "billing_customers" TO omnify_definer;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.billing_tenant_for_customer(customer_id text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT c.tenant_id FROM billing_customers c WHERE c.stripe_customer_id = customer_id $$;--> statement-breakpoint
ALTER FUNCTION app.billing_tenant_for_customer(text) OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.billing_tenant_for_customer(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.billing_tenant_for_customer(text) TO omnify_app;
