-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "rate_limit_buckets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "devices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "device_pairings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- A pairing code belongs to nobody until it is claimed, so the app role gets no grant on
-- the table (default privileges gave it DML); the functions below are the only way in.
-- This is the one table omnify_definer may write: it holds no tenant data but a claim.
REVOKE ALL ON "device_pairings" FROM omnify_app, PUBLIC;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "device_pairings" TO omnify_definer;--> statement-breakpoint
GRANT SELECT ON "api_keys", "devices" TO omnify_definer;--> statement-breakpoint

-- A REST request names its key by the public prefix before any tenant is known. Returns
-- the one row plus the slugs needed to build the tenant's canonical host; the caller
-- compares the secret's hash in constant time and then works inside withTenant.
CREATE OR REPLACE FUNCTION app.api_key_for_prefix(p_prefix text)
RETURNS TABLE (
  id uuid, tenant_id uuid, secret_hash text, scopes text[], expires_at timestamptz,
  revoked_at timestamptz, tenant_slug text, agency_slug text
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT k.id, k.tenant_id, k.secret_hash, k.scopes, k.expires_at, k.revoked_at,
         t.slug, coalesce(p.slug, t.slug)
  FROM api_keys k
  JOIN tenants t ON t.id = k.tenant_id
  LEFT JOIN tenants p ON p.id = t.parent_id
  WHERE k.prefix = p_prefix
$$;--> statement-breakpoint

-- A screen presents `<device id>.<secret>`; same shape as the API key lookup.
CREATE OR REPLACE FUNCTION app.device_for_token(p_device_id uuid)
RETURNS TABLE (tenant_id uuid, token_hash text, revoked_at timestamptz, last_seen_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$ SELECT d.tenant_id, d.token_hash, d.revoked_at, d.last_seen_at FROM devices d WHERE d.id = p_device_id $$;--> statement-breakpoint

-- Anonymous: a screen asks for a code. Expired rows are pruned here, so the table stays
-- small without a job. The expiry is the database's clock, never the caller's.
CREATE OR REPLACE FUNCTION app.create_device_pairing(p_code text, p_poll_token_hash text)
RETURNS TABLE (id uuid, expires_at timestamptz)
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  DELETE FROM device_pairings WHERE expires_at < now() - interval '1 day';
  INSERT INTO device_pairings (code, poll_token_hash, expires_at)
  VALUES (p_code, p_poll_token_hash, now() + interval '10 minutes')
  RETURNING id, expires_at;
$$;--> statement-breakpoint

-- An admin enters the code inside their tenant's transaction, after inserting the device
-- row. Returns 'claimed', or why not ('unknown', 'expired', 'used') so the caller can name
-- the field; the tenant comes from the transaction, never from an argument.
CREATE OR REPLACE FUNCTION app.claim_device_pairing(p_code text, p_device_id uuid)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_tenant uuid := app.current_tenant();
  v_row device_pairings%ROWTYPE;
BEGIN
  IF v_tenant IS NULL THEN RETURN 'unknown'; END IF;
  SELECT * INTO v_row FROM device_pairings d WHERE d.code = p_code FOR UPDATE;
  IF NOT FOUND THEN RETURN 'unknown'; END IF;
  IF v_row.claimed_at IS NOT NULL THEN RETURN 'used'; END IF;
  IF v_row.expires_at <= now() THEN RETURN 'expired'; END IF;
  UPDATE device_pairings d SET claimed_tenant_id = v_tenant, device_id = p_device_id, claimed_at = now()
    WHERE d.id = v_row.id;
  RETURN 'claimed';
END
$$;--> statement-breakpoint

-- The screen's poll: what it needs to check its poll token (compared by the caller in
-- constant time) and whether its code was claimed.
CREATE OR REPLACE FUNCTION app.device_pairing_for_poll(p_id uuid)
RETURNS TABLE (
  poll_token_hash text, expires_at timestamptz, claimed_tenant_id uuid, device_id uuid,
  delivered_at timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT d.poll_token_hash, d.expires_at, d.claimed_tenant_id, d.device_id, d.delivered_at
  FROM device_pairings d WHERE d.id = p_id
$$;--> statement-breakpoint

-- Marks the token as handed out, at most once, inside the claiming tenant's transaction
-- that also stores the token's hash on the device row.
CREATE OR REPLACE FUNCTION app.deliver_device_pairing(p_id uuid)
RETURNS uuid
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  UPDATE device_pairings d SET delivered_at = now()
  WHERE d.id = p_id AND d.delivered_at IS NULL AND d.claimed_tenant_id = app.current_tenant()
  RETURNING d.device_id
$$;--> statement-breakpoint

ALTER FUNCTION app.api_key_for_prefix(text) OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.device_for_token(uuid) OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.create_device_pairing(text, text) OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.claim_device_pairing(text, uuid) OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.device_pairing_for_poll(uuid) OWNER TO omnify_definer;--> statement-breakpoint
ALTER FUNCTION app.deliver_device_pairing(uuid) OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.api_key_for_prefix(text), app.device_for_token(uuid),
  app.create_device_pairing(text, text), app.claim_device_pairing(text, uuid),
  app.device_pairing_for_poll(uuid), app.deliver_device_pairing(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.api_key_for_prefix(text), app.device_for_token(uuid),
  app.create_device_pairing(text, text), app.claim_device_pairing(text, uuid),
  app.device_pairing_for_poll(uuid), app.deliver_device_pairing(uuid) TO omnify_app;
