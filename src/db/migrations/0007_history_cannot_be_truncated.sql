-- The histories are append-only (0001, 0003), but a row trigger does not see TRUNCATE, which empties
-- a table without touching a row. A statement trigger refuses it too. (Writ's serving role has no
-- TRUNCATE privilege either: src/db/roles.ts. Only the tables' owner can disable triggers.)
CREATE TRIGGER events_not_truncated BEFORE TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
CREATE TRIGGER obligation_events_not_truncated BEFORE TRUNCATE ON "obligation_events"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_events_are_append_only();
