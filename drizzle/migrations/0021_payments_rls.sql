-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "payment_checkouts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "paystack_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Default privileges give the app role DML: checkouts are written once and kept (a retry
-- must find them), the Paystack ledger is only inserted and marked processed. TRUNCATE
-- would skip RLS.
REVOKE UPDATE, DELETE, TRUNCATE ON "payment_checkouts" FROM omnify_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON "paystack_events" FROM omnify_app;
