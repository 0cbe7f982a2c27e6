-- The tamper-evident audit log (issue 12, decision 48). The database is the single appender: AFTER
-- triggers on the histories, sessions and accounts append an entry to its subject's chain, so that
-- nothing a developer adds later escapes. Each chain is serialised by its own audit_heads row only:
-- writers of different orders never wait on one another.
--
-- hash = SHA-256(UTF-8(prev_hash || '\n' || canonical)), hex; genesis prev_hash = 64 zeros, where
-- canonical = 'writ-audit/1' '\n' chain '\n' seq '\n' at (UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ) '\n' entry
-- and entry is PostgreSQL's jsonb text (keys ordered by UTF-8 length then bytes, ", " and ": ").
-- src/domain/audit-chain.ts recomputes it independently.
CREATE FUNCTION writ_audit_canonical(p_chain text, p_seq bigint, p_at timestamptz, p_entry jsonb) RETURNS text
  LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT 'writ-audit/1' || E'\n' || p_chain || E'\n' || p_seq::text || E'\n'
    || to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n' || p_entry::text
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_hash(p_prev text, p_canonical text) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT encode(sha256(convert_to(p_prev || E'\n' || p_canonical, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Appends one entry to a chain. Locks the chain's head row (created at genesis) for the rest of the
-- transaction: appends to one chain take turns, appends to others do not wait.
CREATE FUNCTION writ_audit_append(p_chain text, p_at timestamptz, p_entry jsonb) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_hash text;
BEGIN
  INSERT INTO audit_heads AS h (chain, seq, hash, updated_at) VALUES (p_chain, 0, repeat('0', 64), p_at)
    ON CONFLICT (chain) DO UPDATE SET updated_at = h.updated_at
    RETURNING h.seq, h.hash INTO v_seq, v_prev;
  v_seq := v_seq + 1;
  v_hash := writ_audit_hash(v_prev, writ_audit_canonical(p_chain, v_seq, p_at, p_entry));
  INSERT INTO audit_log (chain, seq, at, entry, prev_hash, hash) VALUES (p_chain, v_seq, p_at, p_entry, v_prev, v_hash);
  UPDATE audit_heads SET seq = v_seq, hash = v_hash, updated_at = p_at WHERE chain = p_chain;
END;
$$;
--> statement-breakpoint
-- Nobody calls the appender directly (a forged entry in any chain); triggers reach it as its owner.
REVOKE ALL ON FUNCTION writ_audit_append(text, timestamptz, jsonb) FROM PUBLIC;
--> statement-breakpoint
-- `writ restore` loads audit_log and audit_heads from the backup: the rows it copies into the
-- histories must not be chained a second time. Only a session of the tables' owner may say so
-- (it could disable the triggers anyway); the serving role setting writ.restore changes nothing.
CREATE FUNCTION writ_audit_restoring() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT coalesce(current_setting('writ.restore', true), '') = 'on'
    AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'public.audit_log'::regclass), 'MEMBER')
$$;
--> statement-breakpoint
-- The entries: what a row says, never a secret (no token or password hash).
CREATE FUNCTION writ_audit_entry_events(r events) RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object('source', 'events') || to_jsonb(r)
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_entry_agency_events(r agency_events) RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object('source', 'agency_events') || to_jsonb(r)
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_entry_obligation_events(r obligation_events) RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object('source', 'obligation_events') || to_jsonb(r)
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_chain_obligation(r obligation_events) RETURNS text LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS $$
  SELECT 'obligation:' || r.country || '/' || coalesce(r.regime_id, '-') || '/' || coalesce(r.duty_id, '-')
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_entry_session(r sessions) RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object('source', 'sessions', 'type', 'signed_in', 'user_id', r.user_id,
    'created_at', r.created_at, 'expires_at', r.expires_at)
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_entry_officer_session(r officer_sessions) RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object('source', 'officer_sessions', 'type', 'signed_in', 'officer_id', r.officer_id,
    'created_at', r.created_at, 'expires_at', r.expires_at)
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_account(r users) RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT jsonb_build_object('id', r.id, 'email', r.email, 'name', r.name, 'role', r.role,
    'oidc_issuer', r.oidc_issuer, 'oidc_subject', r.oidc_subject, 'disabled_at', r.disabled_at)
$$;
--> statement-breakpoint
CREATE FUNCTION writ_audit_on_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF writ_audit_restoring() THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'events' THEN
    PERFORM writ_audit_append('order:' || NEW.request_id, now(), writ_audit_entry_events(NEW::events));
  ELSIF TG_TABLE_NAME = 'agency_events' THEN
    PERFORM writ_audit_append('agency:' || NEW.agency_id, now(), writ_audit_entry_agency_events(NEW::agency_events));
  ELSIF TG_TABLE_NAME = 'obligation_events' THEN
    PERFORM writ_audit_append(writ_audit_chain_obligation(NEW::obligation_events), now(),
      writ_audit_entry_obligation_events(NEW::obligation_events));
  ELSIF TG_TABLE_NAME = 'sessions' THEN
    PERFORM writ_audit_append('staff:' || NEW.user_id, now(), writ_audit_entry_session(NEW::sessions));
  ELSIF TG_TABLE_NAME = 'officer_sessions' THEN
    PERFORM writ_audit_append('officer:' || NEW.officer_id, now(), writ_audit_entry_officer_session(NEW::officer_sessions));
  ELSIF TG_TABLE_NAME = 'users' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM writ_audit_append('staff:' || NEW.id, now(),
        jsonb_build_object('source', 'users', 'type', 'account_created', 'after', writ_audit_account(NEW::users)));
    ELSE
      PERFORM writ_audit_append('staff:' || NEW.id, now(),
        jsonb_build_object('source', 'users', 'type', 'account_changed',
          'before', writ_audit_account(OLD::users), 'after', writ_audit_account(NEW::users)));
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_audit AFTER INSERT ON "events" FOR EACH ROW EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
CREATE TRIGGER agency_events_audit AFTER INSERT ON "agency_events" FOR EACH ROW EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
CREATE TRIGGER obligation_events_audit AFTER INSERT ON "obligation_events" FOR EACH ROW EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
CREATE TRIGGER sessions_audit AFTER INSERT ON "sessions" FOR EACH ROW EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
-- An officer's full sign-in: a session created at stage `full`, or reaching it after the second factor.
CREATE TRIGGER officer_sessions_audit AFTER INSERT ON "officer_sessions" FOR EACH ROW
  WHEN (NEW.stage = 'full') EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
CREATE TRIGGER officer_sessions_full_audit AFTER UPDATE OF stage ON "officer_sessions" FOR EACH ROW
  WHEN (NEW.stage = 'full' AND OLD.stage IS DISTINCT FROM NEW.stage) EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
CREATE TRIGGER users_audit AFTER INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
CREATE TRIGGER users_change_audit AFTER UPDATE ON "users" FOR EACH ROW
  WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at
    OR OLD.oidc_issuer IS DISTINCT FROM NEW.oidc_issuer OR OLD.oidc_subject IS DISTINCT FROM NEW.oidc_subject)
  EXECUTE FUNCTION writ_audit_on_insert();
--> statement-breakpoint
-- Backfill, in a deterministic order: accounts, staff sessions, officers' full sessions, then each
-- history by id. An entry's time is its row's own.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM users ORDER BY created_at, id LOOP
    PERFORM writ_audit_append('staff:' || r.id, r.created_at,
      jsonb_build_object('source', 'users', 'type', 'account_created', 'after', writ_audit_account(r::users)));
  END LOOP;
  FOR r IN SELECT * FROM sessions ORDER BY created_at, token_hash LOOP
    PERFORM writ_audit_append('staff:' || r.user_id, r.created_at, writ_audit_entry_session(r::sessions));
  END LOOP;
  FOR r IN SELECT * FROM officer_sessions WHERE stage = 'full' ORDER BY created_at, token_hash LOOP
    PERFORM writ_audit_append('officer:' || r.officer_id, r.created_at, writ_audit_entry_officer_session(r::officer_sessions));
  END LOOP;
  FOR r IN SELECT * FROM events ORDER BY id LOOP
    PERFORM writ_audit_append('order:' || r.request_id, r.at, writ_audit_entry_events(r::events));
  END LOOP;
  FOR r IN SELECT * FROM agency_events ORDER BY id LOOP
    PERFORM writ_audit_append('agency:' || r.agency_id, r.at, writ_audit_entry_agency_events(r::agency_events));
  END LOOP;
  FOR r IN SELECT * FROM obligation_events ORDER BY id LOOP
    PERFORM writ_audit_append(writ_audit_chain_obligation(r::obligation_events), r.at,
      writ_audit_entry_obligation_events(r::obligation_events));
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The log itself is append-only, like the histories (0001, 0007).
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_not_truncated BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
-- A head moves only inside the appender (called from a trigger), never by a statement of its own.
CREATE FUNCTION writ_audit_heads_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN RETURN NEW; END IF;
  RAISE EXCEPTION 'audit heads move only with the audit log: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_heads_guarded BEFORE UPDATE OR DELETE ON "audit_heads"
  FOR EACH ROW EXECUTE FUNCTION writ_audit_heads_guard();
--> statement-breakpoint
CREATE TRIGGER audit_heads_not_truncated BEFORE TRUNCATE ON "audit_heads"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_audit_heads_guard();
