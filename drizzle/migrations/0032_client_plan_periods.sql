CREATE TABLE "client_plan_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"subaccount_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan" jsonb NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_plan_periods_range_check" CHECK ("client_plan_periods"."effective_to" is null or "client_plan_periods"."effective_to" > "client_plan_periods"."effective_from")
);
--> statement-breakpoint
ALTER TABLE "client_plan_periods" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_billing" ALTER COLUMN "plan_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "client_billing" ADD COLUMN "detached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client_plan_periods" ADD CONSTRAINT "client_plan_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_plan_periods" ADD CONSTRAINT "client_plan_periods_subaccount_id_tenants_id_fk" FOREIGN KEY ("subaccount_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_plan_periods_client_idx" ON "client_plan_periods" USING btree ("subaccount_id","effective_from");--> statement-breakpoint
CREATE INDEX "client_plan_periods_tenant_idx" ON "client_plan_periods" USING btree ("tenant_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "client_plan_periods_open_key" ON "client_plan_periods" USING btree ("subaccount_id") WHERE "client_plan_periods"."effective_to" is null;--> statement-breakpoint
ALTER TABLE "client_billing" ADD CONSTRAINT "client_billing_detached_check" CHECK (("client_billing"."plan_id" is null) = ("client_billing"."detached_at" is not null));--> statement-breakpoint
CREATE POLICY "agency_all" ON "client_plan_periods" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("client_plan_periods"."tenant_id" = (select app.current_tenant())) WITH CHECK ("client_plan_periods"."tenant_id" = (select app.current_tenant()) and exists (select 1 from tenants c where c.id = "client_plan_periods"."subaccount_id" and c.parent_id = (select app.current_tenant())));--> statement-breakpoint
CREATE POLICY "client_read" ON "client_plan_periods" AS PERMISSIVE FOR SELECT TO "omnify_app" USING ("client_plan_periods"."subaccount_id" = (select app.current_tenant()));