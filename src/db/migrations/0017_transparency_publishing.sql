-- The public request database searches English and Russian stems and Kazakh words (PostgreSQL has
-- no Kazakh dictionary: `simple` lowercases and keeps every word). IMMUTABLE with explicit
-- configurations, so that a generated column may call it.
CREATE FUNCTION writ_public_search(doc text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english'::regconfig, coalesce(doc, ''))
      || to_tsvector('russian'::regconfig, coalesce(doc, ''))
      || to_tsvector('simple'::regconfig, coalesce(doc, ''))
$$;
--> statement-breakpoint
CREATE TYPE "public"."log_entry_kind" AS ENUM('publish', 'correct', 'withdraw');--> statement-breakpoint
CREATE TYPE "public"."publication_status" AS ENUM('draft', 'approved', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "log_checkpoints" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"note" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_record_versions" (
	"public_id" text NOT NULL,
	"version" integer NOT NULL,
	"kind" "log_entry_kind" NOT NULL,
	"body" jsonb NOT NULL,
	"leaf_index" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_record_versions_public_id_version_pk" PRIMARY KEY("public_id","version")
);
--> statement-breakpoint
CREATE TABLE "public_records" (
	"public_id" text PRIMARY KEY NOT NULL,
	"publication_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"record" jsonb NOT NULL,
	"tombstone" jsonb,
	"country" char(2) NOT NULL,
	"authority_kind" "authority_kind" NOT NULL,
	"regime_id" text,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"outcomes" text[] DEFAULT '{}'::text[] NOT NULL,
	"period" text NOT NULL,
	"decided_on" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (writ_public_search(search_text)) STORED NOT NULL,
	"leaf_index" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"public_id" text NOT NULL,
	"status" "publication_status" DEFAULT 'draft' NOT NULL,
	"redactions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"marked_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"concerns_child" boolean DEFAULT false NOT NULL,
	"correction_note" text,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"publish_after" timestamp with time zone,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_log" (
	"leaf_index" bigint PRIMARY KEY NOT NULL,
	"kind" "log_entry_kind" NOT NULL,
	"public_id" text NOT NULL,
	"version" integer NOT NULL,
	"leaf" "bytea" NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"appended_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_records" ADD CONSTRAINT "public_records_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_records_search_idx" ON "public_records" USING gin ("search");--> statement-breakpoint
CREATE INDEX "public_records_country_idx" ON "public_records" USING btree ("country","period");--> statement-breakpoint
CREATE INDEX "public_records_period_idx" ON "public_records" USING btree ("period");--> statement-breakpoint
CREATE INDEX "public_records_published_idx" ON "public_records" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "public_records_reasons_idx" ON "public_records" USING gin ("reasons");--> statement-breakpoint
CREATE INDEX "public_records_outcomes_idx" ON "public_records" USING gin ("outcomes");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_request_key" ON "publications" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_public_id_key" ON "publications" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "publications_due_idx" ON "publications" USING btree ("publish_after") WHERE "publications"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "transparency_log_entry_key" ON "transparency_log" USING btree ("public_id","version");--> statement-breakpoint
-- The transparency log and the published versions are append-only, as the histories are (0001, 0007).
CREATE TRIGGER transparency_log_append_only BEFORE UPDATE OR DELETE ON "transparency_log"
  FOR EACH ROW EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
CREATE TRIGGER transparency_log_not_truncated BEFORE TRUNCATE ON "transparency_log"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
CREATE TRIGGER public_record_versions_append_only BEFORE UPDATE OR DELETE ON "public_record_versions"
  FOR EACH ROW EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
CREATE TRIGGER public_record_versions_not_truncated BEFORE TRUNCATE ON "public_record_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_events_are_append_only();
