CREATE TABLE "anonymous_rate_limits" (
	"key_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "anonymous_rate_limits_key_hash_window_start_pk" PRIMARY KEY("key_hash","window_start")
);
--> statement-breakpoint
ALTER TABLE "anonymous_rate_limits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plugin_objects" (
	"tenant_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"key" text NOT NULL,
	"size" bigint NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"width" integer,
	"height" integer,
	"duration_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plugin_objects_tenant_id_plugin_id_key_pk" PRIMARY KEY("tenant_id","plugin_id","key"),
	CONSTRAINT "plugin_objects_size_check" CHECK ("plugin_objects"."size" >= 0),
	CONSTRAINT "plugin_objects_sha256_check" CHECK ("plugin_objects"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "plugin_objects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plugin_objects" ADD CONSTRAINT "plugin_objects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "definer_all" ON "anonymous_rate_limits" AS PERMISSIVE FOR ALL TO "omnify_definer" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plugin_objects" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("plugin_objects"."tenant_id" = (select app.current_tenant())) WITH CHECK ("plugin_objects"."tenant_id" = (select app.current_tenant()));