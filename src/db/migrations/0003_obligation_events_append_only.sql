-- The register's history is append-only, like the requests' (0001): no event is changed or deleted.
CREATE TRIGGER obligation_events_append_only BEFORE UPDATE OR DELETE ON "obligation_events"
  FOR EACH ROW EXECUTE FUNCTION writ_events_are_append_only();
