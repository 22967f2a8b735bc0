-- One round trip for everything a signed-in request needs before its resolver runs: the
-- session, the user, their access facts (own and, on a sub-account, agency membership,
-- custom-role grants, sub-account assignments), the required-MFA state and the billed
-- tenant's subscription. SECURITY INVOKER: it runs as omnify_app under the same RLS
-- policies as the statements it replaces. Like withinTenant() in drizzle/src/client.ts it
-- points the transaction at a sub-account's agency to read the agency's rows and then
-- back; with a session it also acts as the session's user (app.user_id), as
-- validateSessionInTransaction did. The role rules themselves stay in TypeScript
-- (platform/core/src/access/request-context.ts); this only gathers the facts.
CREATE OR REPLACE FUNCTION app.request_context(p_session_id text, p_user_id uuid, p_now timestamptz)
  RETURNS jsonb
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  v_tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  v_user uuid := p_user_id;
  v_session jsonb := null;
  v_user_row jsonb;
  v_kind text;
  v_agency uuid;
  v_own jsonb;
  v_own_role_id uuid;
  v_own_required boolean;
  v_parent jsonb := null;
  v_assigned_here boolean := false;
  v_assigned jsonb := '[]'::jsonb;
  v_agency_required boolean := false;
  v_mfa_enabled boolean;
  v_billing jsonb;
  s record;
BEGIN
  IF v_tenant IS NULL THEN
    RETURN NULL;
  END IF;
  IF p_session_id IS NOT NULL THEN
    SELECT a.user_id, a.expires_at, a.last_seen_at, a.reauthenticated_at INTO s
      FROM auth_sessions a WHERE a.id = p_session_id AND a.revoked_at IS NULL;
    IF NOT FOUND OR s.expires_at <= p_now THEN
      RETURN NULL;
    END IF;
    v_user := s.user_id;
    v_session := jsonb_build_object('expiresAt', s.expires_at, 'lastSeenAt', s.last_seen_at,
      'reauthenticatedAt', s.reauthenticated_at);
    -- A platform admin or an agency owner on a sub-account has no membership that makes
    -- their user row visible here; it is visible to its own user.
    PERFORM set_config('app.user_id', v_user::text, true);
  END IF;
  IF v_user IS NULL THEN
    RETURN NULL;
  END IF;

  SELECT jsonb_build_object('id', u.id, 'name', u.name, 'email', u.email,
      'isPlatformAdmin', u.is_platform_admin) INTO v_user_row
    FROM users u WHERE u.id = v_user;
  IF v_user_row IS NULL THEN
    RETURN NULL;
  END IF;

  SELECT t.kind, coalesce(t.parent_id, t.id) INTO v_kind, v_agency FROM tenants t WHERE t.id = v_tenant;
  IF v_kind IS NULL THEN
    RETURN NULL;
  END IF;

  SELECT jsonb_build_object('role', m.role, 'restricted', m.restricted), m.custom_role_id
    INTO v_own, v_own_role_id
    FROM memberships m WHERE m.tenant_id = v_tenant AND m.user_id = v_user;
  SELECT coalesce(bool_or(x.require_mfa), false) INTO v_own_required
    FROM tenant_security_settings x WHERE x.tenant_id = v_tenant;
  SELECT m.enabled_at IS NOT NULL INTO v_mfa_enabled FROM user_mfa m WHERE m.user_id = v_user;

  IF v_kind = 'subaccount' THEN
    PERFORM set_config('app.tenant_id', v_agency::text, true);
    SELECT jsonb_build_object('role', m.role, 'restricted', m.restricted,
        'permissions', CASE WHEN m.custom_role_id IS NULL THEN NULL
          ELSE coalesce(cr.permissions, '{}'::text[]) END)
      INTO v_parent
      FROM memberships m LEFT JOIN custom_roles cr ON cr.id = m.custom_role_id
      WHERE m.tenant_id = v_agency AND m.user_id = v_user;
    SELECT exists (SELECT 1 FROM subaccount_assignments a WHERE a.tenant_id = v_agency
        AND a.user_id = v_user AND a.subaccount_id = v_tenant) INTO v_assigned_here;
    SELECT coalesce(bool_or(x.require_mfa), false) INTO v_agency_required
      FROM tenant_security_settings x WHERE x.tenant_id = v_agency;
  ELSIF coalesce((v_own->>'restricted')::boolean, false) THEN
    SELECT coalesce(jsonb_agg(a.subaccount_id ORDER BY a.subaccount_id), '[]'::jsonb) INTO v_assigned
      FROM subaccount_assignments a WHERE a.tenant_id = v_tenant AND a.user_id = v_user;
  END IF;

  -- Custom roles belong to the agency, which the transaction points at by now.
  IF v_own IS NOT NULL THEN
    v_own := v_own || jsonb_build_object('permissions', CASE WHEN v_own_role_id IS NULL THEN NULL
      ELSE coalesce((SELECT to_jsonb(cr.permissions) FROM custom_roles cr WHERE cr.id = v_own_role_id),
        '[]'::jsonb) END);
  END IF;

  -- A sub-account runs on its agency's subscription.
  SELECT jsonb_build_object('status', b.status, 'pastDueSince', b.past_due_since) INTO v_billing
    FROM subscriptions b WHERE b.tenant_id = v_agency;

  IF v_kind = 'subaccount' THEN
    PERFORM set_config('app.tenant_id', v_tenant::text, true);
  END IF;

  RETURN jsonb_build_object(
    'session', v_session,
    'user', v_user_row,
    'kind', v_kind,
    'own', v_own,
    'parent', v_parent,
    'assignedHere', v_assigned_here,
    'assigned', v_assigned,
    'mfaRequired', v_own_required OR v_agency_required,
    'mfaEnabled', coalesce(v_mfa_enabled, false),
    'billing', v_billing);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app.request_context(text, uuid, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.request_context(text, uuid, timestamptz) TO omnify_app;
