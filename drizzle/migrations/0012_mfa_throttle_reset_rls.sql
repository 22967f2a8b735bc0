-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "user_mfa" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_security_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "login_attempts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Default privileges already give the app role DML on new tables; TRUNCATE would skip RLS.
REVOKE TRUNCATE ON "user_mfa", "mfa_recovery_codes", "tenant_security_settings", "login_attempts", "password_reset_tokens" FROM omnify_app;
