-- Plugins send their own SQL, so a plain transaction-local `app.tenant_id` is not a boundary
-- for them: `select set_config('app.tenant_id', '<other>', true)` would rewrite it. Plugin
-- logins therefore get a tenant only when the setting carries a host-made HMAC bound to the
-- current transaction id; the key lives where only omnify_definer (the functions' owner) can
-- read it. The core login keeps trusting the plain setting: plugin SQL cannot become
-- `session_user`, and pg_current_xact_id() would spend an xid on every read-only request.
-- The key and the host token's hash are written at runtime from a host secret
-- (ensurePluginContextKey in drizzle/src/plugins/context-key.ts), never committed.
CREATE SCHEMA IF NOT EXISTS app_private;--> statement-breakpoint
REVOKE ALL ON SCHEMA app_private FROM PUBLIC;--> statement-breakpoint
GRANT USAGE ON SCHEMA app_private TO omnify_definer;--> statement-breakpoint
CREATE TABLE IF NOT EXISTS app_private.plugin_context_key (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  hmac_key bytea NOT NULL CHECK (octet_length(hmac_key) >= 32),
  host_token_hash bytea NOT NULL CHECK (octet_length(host_token_hash) = 32),
  rotated_at timestamptz NOT NULL DEFAULT now()
);--> statement-breakpoint
REVOKE ALL ON app_private.plugin_context_key FROM PUBLIC;--> statement-breakpoint
GRANT SELECT ON app_private.plugin_context_key TO omnify_definer;--> statement-breakpoint

-- PARALLEL RESTRICTED, not SAFE: the xid lookup belongs to the leader; the `(select …)`
-- wrapper in every policy still evaluates this once per statement.
CREATE OR REPLACE FUNCTION app.current_tenant() RETURNS uuid
  LANGUAGE plpgsql STABLE PARALLEL RESTRICTED SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  tenant text := nullif(current_setting('app.tenant_id', true), '');
  sig text;
  xid xid8;
  key bytea;
BEGIN
  -- session_user is the login, which SET ROLE / RESET ROLE cannot change.
  IF session_user = 'omnify_app' THEN
    RETURN tenant::uuid;
  END IF;
  sig := nullif(current_setting('app.tenant_sig', true), '');
  -- _if_assigned: verifying never spends an xid; enter_tenant already assigned one.
  xid := pg_current_xact_id_if_assigned();
  IF tenant IS NULL OR sig IS NULL OR xid IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT k.hmac_key INTO key FROM app_private.plugin_context_key k WHERE k.id = 1;
  IF key IS NULL
     OR encode(hmac(convert_to(tenant || ':' || xid::text, 'UTF8'), key, 'sha256'), 'hex') <> sig THEN
    RETURN NULL;
  END IF;
  RETURN tenant::uuid;
END
$$;--> statement-breakpoint

-- The plugin host calls this first in every plugin transaction, on the plugin's runtime
-- login. Plugins can call it too, but without the host token it only raises.
CREATE OR REPLACE FUNCTION app.enter_tenant(tenant uuid, host_token text) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  key bytea;
  token_hash bytea;
BEGIN
  SELECT k.hmac_key, k.host_token_hash INTO key, token_hash
  FROM app_private.plugin_context_key k WHERE k.id = 1;
  IF key IS NULL OR host_token IS NULL
     OR digest(convert_to(host_token, 'UTF8'), 'sha256') <> token_hash THEN
    RAISE EXCEPTION 'app.enter_tenant: host token rejected' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'app.enter_tenant: tenant is required' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  PERFORM set_config('app.tenant_id', tenant::text, true);
  PERFORM set_config('app.tenant_sig', encode(hmac(
    convert_to(tenant::text || ':' || pg_current_xact_id()::text, 'UTF8'), key, 'sha256'), 'hex'), true);
END
$$;--> statement-breakpoint

ALTER FUNCTION app.current_tenant() OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.enter_tenant(uuid, text) OWNER TO omnify_definer;--> statement-breakpoint
-- Only named roles may call them: the app here, plugin roles in provisionPlugin.
REVOKE ALL ON FUNCTION app.current_tenant() FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.enter_tenant(uuid, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.current_tenant() TO omnify_app;--> statement-breakpoint

-- PostgreSQL 15+ already denies this; stated so an older-style cluster cannot drift.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;--> statement-breakpoint

-- The realtime gateway trusts `tenantId` in omnify_events payloads, so only the app may call
-- pg_notify. Changing a pg_catalog ACL needs a superuser; a managed admin login that is not
-- one gets a warning and must run these two statements by hand.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    REVOKE EXECUTE ON FUNCTION pg_catalog.pg_notify(text, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION pg_catalog.pg_notify(text, text) TO omnify_app;
  ELSE
    RAISE WARNING 'not a superuser: revoke EXECUTE on pg_notify(text, text) from PUBLIC and grant it to omnify_app by hand';
  END IF;
END
$$;
