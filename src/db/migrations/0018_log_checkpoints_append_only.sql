-- A signed checkpoint, once published, is evidence: it is never changed or removed (as the log's
-- leaves, 0017). Writing the same tree size again does nothing (INSERT … ON CONFLICT DO NOTHING).
CREATE TRIGGER log_checkpoints_append_only BEFORE UPDATE OR DELETE ON "log_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_not_truncated BEFORE TRUNCATE ON "log_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_events_are_append_only();
