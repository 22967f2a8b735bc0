-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "custom_roles" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "subaccount_assignments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- The audit log is append-only. Default privileges gave the app role full DML; take back
-- everything but INSERT and SELECT (TRUNCATE would also skip RLS).
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM omnify_app;--> statement-breakpoint
REVOKE ALL ON "audit_log" FROM PUBLIC;--> statement-breakpoint

-- Grants bind the app role; this binds everyone else too, owners included, so a rewritten
-- history needs a superuser who first disables the trigger (and that is itself visible).
CREATE OR REPLACE FUNCTION app.refuse_audit_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog
AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.refuse_audit_change() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION app.refuse_audit_change();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();
