-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
-- The app role's grants come from 0002's default privileges.
ALTER TABLE "plugin_objects" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "anonymous_rate_limits" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Anonymous endpoints (screen pairing) count requests per hashed client address before any
-- tenant is known. The app role reaches the table only through this function.
REVOKE ALL ON "anonymous_rate_limits" FROM omnify_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "anonymous_rate_limits" TO omnify_definer;--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.consume_anonymous_rate_limit(p_key_hash text, p_limit integer, p_window_seconds integer)
RETURNS TABLE (request_count integer, current_window timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  w timestamptz := to_timestamp(floor(extract(epoch FROM clock_timestamp()) / p_window_seconds) * p_window_seconds);
  c integer;
BEGIN
  IF p_key_hash !~ '^[0-9a-f]{64}$' OR p_limit < 1 OR p_window_seconds < 1 THEN
    RAISE EXCEPTION 'bad anonymous rate limit arguments';
  END IF;
  INSERT INTO anonymous_rate_limits AS r (key_hash, window_start, count) VALUES (p_key_hash, w, 1)
    ON CONFLICT (key_hash, window_start) DO UPDATE SET count = r.count + 1
    RETURNING r.count INTO c;
  IF c = 1 THEN
    DELETE FROM anonymous_rate_limits a WHERE a.key_hash = p_key_hash AND a.window_start < w;
  END IF;
  RETURN QUERY SELECT c, w;
END $$;--> statement-breakpoint
ALTER FUNCTION app.consume_anonymous_rate_limit(text, integer, integer) OWNER TO omnify_definer;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.consume_anonymous_rate_limit(text, integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.consume_anonymous_rate_limit(text, integer, integer) TO omnify_app;
