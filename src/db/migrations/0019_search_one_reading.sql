-- Decision 55: public search in bounded work over a million records.
-- 1. One reading of the words, the `russian` configuration's, instead of the english || russian ||
--    simple concatenation of migration 0017: `russian` stems Cyrillic words with the Russian Snowball
--    stemmer and ASCII words with the English one, and leaves words it cannot stem (most Kazakh) as
--    written; queries go through the same configuration, so they match the same way. A smaller
--    vector, and a common word is one posting list instead of three.
-- 2. One term per facet value (`country:KZ`, `kind:court`, `regime:…`, `period:2025-H1`,
--    `reason:Defamation`, `outcome:removed_legal`), without positions. The parser never keeps a colon
--    inside a word, so no text can produce one. Words and filters then meet in one GIN lookup.
-- The generated column has to be dropped and added again for its stored values to follow; the enum
-- is read as text inside the function (its labels are never renamed), as a generated column cannot cast it.
DROP INDEX IF EXISTS "public_records_search_idx";--> statement-breakpoint
ALTER TABLE "public_records" DROP COLUMN "search";--> statement-breakpoint
DROP FUNCTION writ_public_search(text);--> statement-breakpoint
CREATE FUNCTION writ_public_search(doc text, country bpchar, kind authority_kind, regime text, reasons text[], outcomes text[], period text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('russian'::regconfig, coalesce(doc, '')) || array_to_tsvector(array_remove(
    ARRAY['country:' || country::text, 'kind:' || kind::text, 'regime:' || regime, 'period:' || period]
      || ARRAY(SELECT 'reason:' || r FROM unnest(reasons) AS r)
      || ARRAY(SELECT 'outcome:' || o FROM unnest(outcomes) AS o),
    NULL))
$$;--> statement-breakpoint
ALTER TABLE "public_records" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (writ_public_search(search_text, country, authority_kind, regime_id, reasons, outcomes, period)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "public_records_search_idx" ON "public_records" USING gin ("search");
