-- app.claim_device_pairing and app.deliver_device_pairing take the tenant from
-- app.current_tenant() rather than from an argument; their owner must be able to call it.
-- USAGE only names the schema: every function in it still needs its own EXECUTE grant.
GRANT USAGE ON SCHEMA app TO omnify_definer;
