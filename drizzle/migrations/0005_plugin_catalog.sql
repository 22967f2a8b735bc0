CREATE TABLE "plugin_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"source" text NOT NULL,
	"hops" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plugin_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_installations" (
	"tenant_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"version" text NOT NULL,
	"status" text DEFAULT 'enabled' NOT NULL,
	"consented_capabilities" jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"installed_by" uuid,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp with time zone,
	CONSTRAINT "plugin_installations_tenant_id_plugin_id_pk" PRIMARY KEY("tenant_id","plugin_id"),
	CONSTRAINT "plugin_installations_uninstalled_check" CHECK (("plugin_installations"."status" = 'uninstalled') = ("plugin_installations"."uninstalled_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "plugin_installations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_secrets" (
	"tenant_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"name" text NOT NULL,
	"ciphertext" text NOT NULL,
	"iv" text NOT NULL,
	"tag" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"key_version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plugin_secrets_tenant_id_plugin_id_name_pk" PRIMARY KEY("tenant_id","plugin_id","name")
);
--> statement-breakpoint
ALTER TABLE "plugin_secrets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_versions" (
	"plugin_id" text NOT NULL,
	"version" text NOT NULL,
	"manifest" jsonb NOT NULL,
	"server_code" text NOT NULL,
	"server_sha256" text NOT NULL,
	"ui" jsonb,
	"migrations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plugin_versions_plugin_id_version_pk" PRIMARY KEY("plugin_id","version"),
	CONSTRAINT "plugin_versions_sha256_check" CHECK ("plugin_versions"."server_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "plugin_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meter" text NOT NULL,
	"source" text NOT NULL,
	"quantity" numeric NOT NULL,
	"idempotency_key" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_events_idempotency_key" UNIQUE("tenant_id","source","meter","idempotency_key"),
	CONSTRAINT "usage_events_quantity_check" CHECK ("usage_events"."quantity" >= 0),
	CONSTRAINT "usage_events_source_check" CHECK ("usage_events"."source" ~ '^(core|plugin:[a-z0-9-]+)$')
);
--> statement-breakpoint
ALTER TABLE "usage_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plugin_events" ADD CONSTRAINT "plugin_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_installations" ADD CONSTRAINT "plugin_installations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_installations" ADD CONSTRAINT "plugin_installations_installed_by_users_id_fk" FOREIGN KEY ("installed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_installations" ADD CONSTRAINT "plugin_installations_version_fk" FOREIGN KEY ("plugin_id","version") REFERENCES "public"."plugin_versions"("plugin_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plugin_secrets" ADD CONSTRAINT "plugin_secrets_installation_fk" FOREIGN KEY ("tenant_id","plugin_id") REFERENCES "public"."plugin_installations"("tenant_id","plugin_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plugin_events_tenant_created_idx" ON "plugin_events" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "usage_events_tenant_meter_idx" ON "usage_events" USING btree ("tenant_id","meter","occurred_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plugin_events" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("plugin_events"."tenant_id" = (select app.current_tenant())) WITH CHECK ("plugin_events"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "definer_read" ON "plugin_events" AS PERMISSIVE FOR SELECT TO "omnify_definer" USING (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plugin_installations" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("plugin_installations"."tenant_id" = (select app.current_tenant())) WITH CHECK ("plugin_installations"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "definer_read" ON "plugin_installations" AS PERMISSIVE FOR SELECT TO "omnify_definer" USING (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plugin_secrets" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("plugin_secrets"."tenant_id" = (select app.current_tenant())) WITH CHECK ("plugin_secrets"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "catalog_read" ON "plugin_versions" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "catalog_register" ON "plugin_versions" AS PERMISSIVE FOR INSERT TO public WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_events" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("usage_events"."tenant_id" = (select app.current_tenant())) WITH CHECK ("usage_events"."tenant_id" = (select app.current_tenant()));