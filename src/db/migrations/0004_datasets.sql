CREATE TABLE "dataset_coverage" (
	"source" text NOT NULL,
	"part" text NOT NULL,
	"period" text NOT NULL,
	"import_id" uuid NOT NULL,
	"vintage" text NOT NULL,
	CONSTRAINT "dataset_coverage_source_part_period_pk" PRIMARY KEY("source","part","period")
);
--> statement-breakpoint
CREATE TABLE "dataset_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"vintage" text NOT NULL,
	"content_hash" text NOT NULL,
	"files" jsonb NOT NULL,
	"rows_read" integer NOT NULL,
	"rows_stored" integer NOT NULL,
	"warnings" jsonb NOT NULL,
	"periods_replaced" jsonb NOT NULL,
	"periods_kept" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dataset_imports_vintage" CHECK ("dataset_imports"."vintage" ~ '^[0-9]{4}-H[12]$')
);
--> statement-breakpoint
CREATE TABLE "google_removals_by_product" (
	"import_id" uuid NOT NULL,
	"part" text NOT NULL,
	"period" text NOT NULL,
	"country" text NOT NULL,
	"country_name" text NOT NULL,
	"product" text NOT NULL,
	"reason" text,
	"requests" integer NOT NULL,
	"court_orders" integer,
	"executive_requests" integer,
	"items" integer,
	"line" integer NOT NULL,
	CONSTRAINT "google_removals_by_product_period" CHECK ("google_removals_by_product"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "google_removals_by_product_country" CHECK ("google_removals_by_product"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "google_removals_by_requester" (
	"import_id" uuid NOT NULL,
	"period" text NOT NULL,
	"country" text NOT NULL,
	"country_name" text NOT NULL,
	"requester" text NOT NULL,
	"requests" integer NOT NULL,
	"items" integer NOT NULL,
	"removed_legal_pct" smallint,
	"removed_policy_pct" smallint,
	"content_not_found_pct" smallint,
	"not_enough_information_pct" smallint,
	"no_action_taken_pct" smallint,
	"content_already_removed_pct" smallint,
	"line" integer NOT NULL,
	CONSTRAINT "google_removals_by_requester_period" CHECK ("google_removals_by_requester"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "google_removals_by_requester_country" CHECK ("google_removals_by_requester"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "google_removals_json_rows" (
	"import_id" uuid NOT NULL,
	"period" text NOT NULL,
	"country" text NOT NULL,
	"country_name" text NOT NULL,
	"requester" text NOT NULL,
	"product" text NOT NULL,
	"reason" text NOT NULL,
	"requests" integer NOT NULL,
	"items" integer NOT NULL,
	"removed_legal" integer NOT NULL,
	"removed_policy" integer NOT NULL,
	"content_not_found" integer NOT NULL,
	"not_enough_information" integer NOT NULL,
	"no_action_taken" integer NOT NULL,
	"content_already_removed" integer NOT NULL,
	"line" integer NOT NULL,
	CONSTRAINT "google_removals_json_rows_period" CHECK ("google_removals_json_rows"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "google_removals_json_rows_country" CHECK ("google_removals_json_rows"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "google_removals_summary" (
	"import_id" uuid NOT NULL,
	"period" text NOT NULL,
	"country" text NOT NULL,
	"country_name" text NOT NULL,
	"requests" integer,
	"requests_as_published" text,
	"complied_pct" smallint,
	"items" integer,
	"items_as_published" text,
	"court_requests" integer,
	"court_items" integer,
	"other_requests" integer,
	"other_items" integer,
	"line" integer NOT NULL,
	CONSTRAINT "google_removals_summary_period" CHECK ("google_removals_summary"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "google_removals_summary_country" CHECK ("google_removals_summary"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "meta_data_requests" (
	"import_id" uuid NOT NULL,
	"period" text NOT NULL,
	"country" text NOT NULL,
	"country_name" text NOT NULL,
	"layout" text NOT NULL,
	"requests" integer,
	"requests_as_published" text,
	"requests_some_data" integer,
	"accounts" integer,
	"accounts_as_published" text,
	"some_data_pct" smallint,
	"legal_requests" integer,
	"legal_accounts" integer,
	"emergency_requests" integer,
	"emergency_accounts" integer,
	"preservation_requests" integer,
	"preservation_accounts" integer,
	"line" integer NOT NULL,
	CONSTRAINT "meta_data_requests_period" CHECK ("meta_data_requests"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "meta_data_requests_country" CHECK ("meta_data_requests"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "dataset_coverage" ADD CONSTRAINT "dataset_coverage_import_id_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dataset_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "google_removals_by_product" ADD CONSTRAINT "google_removals_by_product_import_id_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dataset_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "google_removals_by_requester" ADD CONSTRAINT "google_removals_by_requester_import_id_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dataset_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "google_removals_json_rows" ADD CONSTRAINT "google_removals_json_rows_import_id_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dataset_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "google_removals_summary" ADD CONSTRAINT "google_removals_summary_import_id_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dataset_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meta_data_requests" ADD CONSTRAINT "meta_data_requests_import_id_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dataset_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dataset_coverage_import_idx" ON "dataset_coverage" USING btree ("import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_imports_source_hash_key" ON "dataset_imports" USING btree ("source","content_hash");--> statement-breakpoint
CREATE INDEX "google_removals_by_product_country_idx" ON "google_removals_by_product" USING btree ("country","period");--> statement-breakpoint
CREATE INDEX "google_removals_by_product_period_idx" ON "google_removals_by_product" USING btree ("part","period");--> statement-breakpoint
CREATE INDEX "google_removals_by_requester_country_idx" ON "google_removals_by_requester" USING btree ("country","period");--> statement-breakpoint
CREATE INDEX "google_removals_by_requester_period_idx" ON "google_removals_by_requester" USING btree ("period");--> statement-breakpoint
CREATE INDEX "google_removals_json_rows_country_idx" ON "google_removals_json_rows" USING btree ("country","period");--> statement-breakpoint
CREATE INDEX "google_removals_json_rows_period_idx" ON "google_removals_json_rows" USING btree ("period");--> statement-breakpoint
CREATE INDEX "google_removals_summary_country_idx" ON "google_removals_summary" USING btree ("country","period");--> statement-breakpoint
CREATE UNIQUE INDEX "meta_data_requests_country_period_key" ON "meta_data_requests" USING btree ("country","period");--> statement-breakpoint
CREATE INDEX "meta_data_requests_period_idx" ON "meta_data_requests" USING btree ("period");