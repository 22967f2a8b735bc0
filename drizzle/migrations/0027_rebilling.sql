CREATE TABLE "agency_connect_accounts" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"stripe_account_id" text NOT NULL,
	"charges_enabled" boolean DEFAULT false NOT NULL,
	"payouts_enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_connect_accounts_stripe_account_id_unique" UNIQUE("stripe_account_id")
);
--> statement-breakpoint
ALTER TABLE "agency_connect_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "client_billing" (
	"subaccount_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"spend_cap_cents" integer,
	"stripe_customer_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_billing_cap_check" CHECK ("client_billing"."spend_cap_cents" is null or "client_billing"."spend_cap_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "client_billing" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "client_invoice_line_events" (
	"tenant_id" uuid NOT NULL,
	"subaccount_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"usage_event_id" uuid NOT NULL,
	"source" text NOT NULL,
	"quantity" numeric NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "client_invoice_line_events_line_id_usage_event_id_pk" PRIMARY KEY("line_id","usage_event_id")
);
--> statement-breakpoint
ALTER TABLE "client_invoice_line_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "client_invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"subaccount_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"meter" text,
	"description" text NOT NULL,
	"quantity" numeric DEFAULT '1' NOT NULL,
	"included_quantity" numeric DEFAULT '0' NOT NULL,
	"unit_price" numeric DEFAULT '0' NOT NULL,
	"markup_percent" numeric(7, 2) DEFAULT '0' NOT NULL,
	"amount_cents" bigint NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"events_checksum" text,
	CONSTRAINT "client_invoice_lines_position_key" UNIQUE("invoice_id","position"),
	CONSTRAINT "client_invoice_lines_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "client_invoice_lines_kind_check" CHECK ("client_invoice_lines"."kind" in ('base', 'usage'))
);
--> statement-breakpoint
ALTER TABLE "client_invoice_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "client_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"subaccount_id" uuid NOT NULL,
	"plan_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"currency" text NOT NULL,
	"total_cents" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"stripe_invoice_id" text,
	"hosted_invoice_url" text,
	"stripe_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_invoices_period_key" UNIQUE("subaccount_id","period_start"),
	CONSTRAINT "client_invoices_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "client_invoices_status_check" CHECK ("client_invoices"."status" in ('draft', 'open', 'paid', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "client_invoices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "client_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"base_fee_cents" integer DEFAULT 0 NOT NULL,
	"markup_percent" numeric(7, 2) DEFAULT '0' NOT NULL,
	"meters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_plans_tenant_name_key" UNIQUE("tenant_id","name"),
	CONSTRAINT "client_plans_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "client_plans_base_fee_check" CHECK ("client_plans"."base_fee_cents" >= 0),
	CONSTRAINT "client_plans_markup_check" CHECK ("client_plans"."markup_percent" >= 0),
	CONSTRAINT "client_plans_currency_check" CHECK ("client_plans"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "client_plans_meters_check" CHECK (jsonb_typeof("client_plans"."meters") = 'array')
);
--> statement-breakpoint
ALTER TABLE "client_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agency_connect_accounts" ADD CONSTRAINT "agency_connect_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_billing" ADD CONSTRAINT "client_billing_subaccount_id_tenants_id_fk" FOREIGN KEY ("subaccount_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_billing" ADD CONSTRAINT "client_billing_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_billing" ADD CONSTRAINT "client_billing_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."client_plans"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoice_line_events" ADD CONSTRAINT "client_invoice_line_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoice_line_events" ADD CONSTRAINT "client_invoice_line_events_subaccount_id_tenants_id_fk" FOREIGN KEY ("subaccount_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoice_line_events" ADD CONSTRAINT "client_invoice_line_events_usage_event_id_usage_events_id_fk" FOREIGN KEY ("usage_event_id") REFERENCES "public"."usage_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoice_line_events" ADD CONSTRAINT "client_invoice_line_events_line_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "public"."client_invoice_lines"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoice_lines" ADD CONSTRAINT "client_invoice_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoice_lines" ADD CONSTRAINT "client_invoice_lines_subaccount_id_tenants_id_fk" FOREIGN KEY ("subaccount_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoice_lines" ADD CONSTRAINT "client_invoice_lines_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "public"."client_invoices"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoices" ADD CONSTRAINT "client_invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_invoices" ADD CONSTRAINT "client_invoices_subaccount_id_tenants_id_fk" FOREIGN KEY ("subaccount_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_plans" ADD CONSTRAINT "client_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_billing_tenant_idx" ON "client_billing" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "client_invoice_line_events_event_idx" ON "client_invoice_line_events" USING btree ("usage_event_id");--> statement-breakpoint
CREATE INDEX "client_invoices_tenant_idx" ON "client_invoices" USING btree ("tenant_id","period_start");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "agency_connect_accounts" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("agency_connect_accounts"."tenant_id" = (select app.current_tenant())) WITH CHECK ("agency_connect_accounts"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "agency_all" ON "client_billing" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("client_billing"."tenant_id" = (select app.current_tenant())) WITH CHECK ("client_billing"."tenant_id" = (select app.current_tenant()) and exists (select 1 from tenants c where c.id = "client_billing"."subaccount_id" and c.parent_id = (select app.current_tenant())));--> statement-breakpoint
CREATE POLICY "client_read" ON "client_billing" AS PERMISSIVE FOR SELECT TO "omnify_app" USING ("client_billing"."subaccount_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "definer_read" ON "client_billing" AS PERMISSIVE FOR SELECT TO "omnify_definer" USING (true);--> statement-breakpoint
CREATE POLICY "agency_all" ON "client_invoice_line_events" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("client_invoice_line_events"."tenant_id" = (select app.current_tenant())) WITH CHECK ("client_invoice_line_events"."tenant_id" = (select app.current_tenant()) and exists (select 1 from tenants c where c.id = "client_invoice_line_events"."subaccount_id" and c.parent_id = (select app.current_tenant())));--> statement-breakpoint
CREATE POLICY "client_read" ON "client_invoice_line_events" AS PERMISSIVE FOR SELECT TO "omnify_app" USING ("client_invoice_line_events"."subaccount_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "agency_all" ON "client_invoice_lines" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("client_invoice_lines"."tenant_id" = (select app.current_tenant())) WITH CHECK ("client_invoice_lines"."tenant_id" = (select app.current_tenant()) and exists (select 1 from tenants c where c.id = "client_invoice_lines"."subaccount_id" and c.parent_id = (select app.current_tenant())));--> statement-breakpoint
CREATE POLICY "client_read" ON "client_invoice_lines" AS PERMISSIVE FOR SELECT TO "omnify_app" USING ("client_invoice_lines"."subaccount_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "agency_all" ON "client_invoices" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("client_invoices"."tenant_id" = (select app.current_tenant())) WITH CHECK ("client_invoices"."tenant_id" = (select app.current_tenant()) and exists (select 1 from tenants c where c.id = "client_invoices"."subaccount_id" and c.parent_id = (select app.current_tenant())));--> statement-breakpoint
CREATE POLICY "client_read" ON "client_invoices" AS PERMISSIVE FOR SELECT TO "omnify_app" USING ("client_invoices"."subaccount_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "client_plans" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("client_plans"."tenant_id" = (select app.current_tenant())) WITH CHECK ("client_plans"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "client_read_assigned" ON "client_plans" AS PERMISSIVE FOR SELECT TO "omnify_app" USING ("client_plans"."id" in (select b.plan_id from client_billing b where b.subaccount_id = (select app.current_tenant())));