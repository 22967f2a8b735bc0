CREATE TABLE "custom_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_roles_tenant_name_key" UNIQUE("tenant_id","name"),
	CONSTRAINT "custom_roles_name_check" CHECK (length(btrim("custom_roles"."name")) between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "custom_roles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subaccount_assignments" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"subaccount_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subaccount_assignments_tenant_id_user_id_subaccount_id_pk" PRIMARY KEY("tenant_id","user_id","subaccount_id")
);
--> statement-breakpoint
ALTER TABLE "subaccount_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" "inet",
	"user_agent" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "custom_role_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_roles" ADD CONSTRAINT "custom_roles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subaccount_assignments" ADD CONSTRAINT "subaccount_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subaccount_assignments" ADD CONSTRAINT "subaccount_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subaccount_assignments" ADD CONSTRAINT "subaccount_assignments_subaccount_id_tenants_id_fk" FOREIGN KEY ("subaccount_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subaccount_assignments_subaccount_idx" ON "subaccount_assignments" USING btree ("subaccount_id");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_time_idx" ON "audit_log" USING btree ("tenant_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_tenant_action_idx" ON "audit_log" USING btree ("tenant_id","action","occurred_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_custom_role_id_custom_roles_id_fk" FOREIGN KEY ("custom_role_id") REFERENCES "public"."custom_roles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "custom_roles" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("custom_roles"."tenant_id" = (select app.current_tenant())) WITH CHECK ("custom_roles"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "subaccount_assignments" AS PERMISSIVE FOR ALL TO "omnify_app" USING ("subaccount_assignments"."tenant_id" = (select app.current_tenant())) WITH CHECK ("subaccount_assignments"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "audit_read" ON "audit_log" AS PERMISSIVE FOR SELECT TO "omnify_app" USING ("audit_log"."tenant_id" = (select app.current_tenant()));--> statement-breakpoint
CREATE POLICY "audit_append" ON "audit_log" AS PERMISSIVE FOR INSERT TO "omnify_app" WITH CHECK ("audit_log"."tenant_id" = (select app.current_tenant()));