CREATE TABLE "usage_alerts" (
	"tenant_id" uuid NOT NULL,
	"meter" text NOT NULL,
	"month" date NOT NULL,
	"threshold" integer NOT NULL,
	"used" numeric NOT NULL,
	"quota" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "usage_alerts_tenant_id_meter_month_threshold_pk" PRIMARY KEY("tenant_id","meter","month","threshold"),
	CONSTRAINT "usage_alerts_threshold_check" CHECK ("usage_alerts"."threshold" in (80, 100))
);
--> statement-breakpoint
ALTER TABLE "usage_alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_monthly" (
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"meter" text NOT NULL,
	"month" date NOT NULL,
	"total" numeric DEFAULT '0' NOT NULL,
	"events" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_monthly_tenant_id_source_meter_month_pk" PRIMARY KEY("tenant_id","source","meter","month")
);
--> statement-breakpoint
ALTER TABLE "usage_monthly" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"event_name" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"ours" numeric NOT NULL,
	"stripe" numeric NOT NULL,
	"status" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_reconciliations_status_check" CHECK ("usage_reconciliations"."status" in ('mismatch', 'resent'))
);
--> statement-breakpoint
ALTER TABLE "usage_reconciliations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_rollup_state" (
	"tenant_id" uuid NOT NULL,
	"period" text NOT NULL,
	"closed_until" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_rollup_state_tenant_id_period_pk" PRIMARY KEY("tenant_id","period")
);
--> statement-breakpoint
ALTER TABLE "usage_rollup_state" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_rollups" (
	"tenant_id" uuid NOT NULL,
	"period" text NOT NULL,
	"source" text NOT NULL,
	"meter" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"aggregation" text NOT NULL,
	"value" numeric NOT NULL,
	"events" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_rollups_tenant_id_period_source_meter_bucket_start_pk" PRIMARY KEY("tenant_id","period","source","meter","bucket_start"),
	CONSTRAINT "usage_rollups_period_check" CHECK ("usage_rollups"."period" in ('hour', 'day'))
);
--> statement-breakpoint
ALTER TABLE "usage_rollups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "usage_stripe_reports" (
	"identifier" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source" text NOT NULL,
	"meter" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"event_name" text NOT NULL,
	"stripe_customer_id" text NOT NULL,
	"value" numeric NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_stripe_reports_status_check" CHECK ("usage_stripe_reports"."status" in ('sent', 'lost'))
);
--> statement-breakpoint
ALTER TABLE "usage_stripe_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "usage_events" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "usage_events" ADD COLUMN "aggregation" text DEFAULT 'sum' NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_events" ADD COLUMN "ingested_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_alerts" ADD CONSTRAINT "usage_alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reconciliations" ADD CONSTRAINT "usage_reconciliations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rollup_state" ADD CONSTRAINT "usage_rollup_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_rollups" ADD CONSTRAINT "usage_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_stripe_reports" ADD CONSTRAINT "usage_stripe_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_reconciliations_tenant_idx" ON "usage_reconciliations" USING btree ("tenant_id","checked_at");--> statement-breakpoint
CREATE INDEX "usage_stripe_reports_bucket_idx" ON "usage_stripe_reports" USING btree ("tenant_id","source","meter","bucket_start");--> statement-breakpoint
CREATE INDEX "usage_events_tenant_ingested_idx" ON "usage_events" USING btree ("tenant_id","ingested_at");--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_aggregation_check" CHECK ("usage_events"."aggregation" in ('sum', 'count', 'max', 'unique'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_alerts" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("usage_alerts"."tenant_id" = (select app.current_tenant())) WITH CHECK ("usage_alerts"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_monthly" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("usage_monthly"."tenant_id" = (select app.current_tenant())) WITH CHECK ("usage_monthly"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_reconciliations" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("usage_reconciliations"."tenant_id" = (select app.current_tenant())) WITH CHECK ("usage_reconciliations"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_rollup_state" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("usage_rollup_state"."tenant_id" = (select app.current_tenant())) WITH CHECK ("usage_rollup_state"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "definer_read" ON "usage_rollups" AS PERMISSIVE FOR SELECT TO "omnify_definer" USING (true);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_rollups" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("usage_rollups"."tenant_id" = (select app.current_tenant())) WITH CHECK ("usage_rollups"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "usage_stripe_reports" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("usage_stripe_reports"."tenant_id" = (select app.current_tenant())) WITH CHECK ("usage_stripe_reports"."tenant_id" = (select app.current_tenant()));