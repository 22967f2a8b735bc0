CREATE TABLE "brand_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brand_assets_tenant_sha_key" UNIQUE("tenant_id","sha256"),
	CONSTRAINT "brand_assets_sha256_hex" CHECK ("brand_assets"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "brand_assets_size_check" CHECK ("brand_assets"."byte_size" between 1 and 524288)
);
--> statement-breakpoint
ALTER TABLE "brand_assets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "brand_assets" ADD CONSTRAINT "brand_assets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "brand_assets" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("brand_assets"."tenant_id" = (select app.current_tenant())) WITH CHECK ("brand_assets"."tenant_id" = (select app.current_tenant()));