-- lpad(…, 6, '0') also cuts longer numbers to six characters, so order 1,000,000 was given WR-100000
-- again and every later order collided with an earlier one. Six digits at least, all of them always.
CREATE FUNCTION writ_next_reference() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n bigint := nextval('request_reference_seq');
BEGIN
  RETURN 'WR-' || lpad(n::text, greatest(6, length(n::text)), '0');
END;
$$;
--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "reference" SET DEFAULT writ_next_reference();