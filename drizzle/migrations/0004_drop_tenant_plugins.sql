DROP POLICY "tenant_isolation" ON "tenant_plugins" CASCADE;--> statement-breakpoint
DROP TABLE "tenant_plugins" CASCADE;