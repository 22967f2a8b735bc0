-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
ALTER TABLE "realtime_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- The realtime outbox is append-only for the app (INSERT and SELECT from the default
-- privileges, both under tenant_isolation): an event, once written, is what the gateway relays.
-- Plugin roles have no grant on it and cannot call the functions below.
REVOKE UPDATE, DELETE ON "realtime_events" FROM omnify_app;--> statement-breakpoint
GRANT SELECT, DELETE ON "realtime_events" TO omnify_definer;--> statement-breakpoint

-- The gateway (app login, no tenant) reads the committed events a NOTIFY named by id. Only
-- rows the app wrote exist here, each with the tenant of the transaction that wrote it, so a
-- forged NOTIFY (any login can NOTIFY any channel) names no row and is dropped.
CREATE OR REPLACE FUNCTION app.realtime_events(p_ids uuid[])
RETURNS TABLE (id uuid, tenant_id uuid, device_id uuid, type text, data jsonb)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT e.id, e.tenant_id, e.device_id, e.type, e.data FROM realtime_events e
  WHERE e.id = ANY (p_ids) AND e.created_at > now() - interval '10 minutes'
$$;--> statement-breakpoint
ALTER FUNCTION app.realtime_events(uuid[]) OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.realtime_events(uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.realtime_events(uuid[]) TO omnify_app;--> statement-breakpoint

-- Relayed events are only needed until every gateway has read them; the gateway prunes.
CREATE OR REPLACE FUNCTION app.prune_realtime_events()
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  WITH gone AS (
    DELETE FROM realtime_events WHERE created_at < now() - interval '10 minutes' RETURNING 1
  )
  SELECT count(*)::int FROM gone
$$;--> statement-breakpoint
ALTER FUNCTION app.prune_realtime_events() OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.prune_realtime_events() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.prune_realtime_events() TO omnify_app;
