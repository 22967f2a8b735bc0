CREATE TABLE "payment_checkouts" (
	"tenant_id" uuid NOT NULL,
	"plugin_id" text NOT NULL,
	"provider" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"checkout_id" text NOT NULL,
	"url" text NOT NULL,
	"reference" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_checkouts_tenant_id_plugin_id_provider_idempotency_key_pk" PRIMARY KEY("tenant_id","plugin_id","provider","idempotency_key"),
	CONSTRAINT "payment_checkouts_provider_check" CHECK ("payment_checkouts"."provider" in ('stripe', 'paystack'))
);
--> statement-breakpoint
ALTER TABLE "payment_checkouts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "paystack_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"reference" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "paystack_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "payment_checkouts" ADD CONSTRAINT "payment_checkouts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "payment_checkouts" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("payment_checkouts"."tenant_id" = (select app.current_tenant())) WITH CHECK ("payment_checkouts"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "paystack_ledger_app" ON "paystack_events" AS PERMISSIVE FOR ALL TO "omnify_app" USING (true) WITH CHECK (true);