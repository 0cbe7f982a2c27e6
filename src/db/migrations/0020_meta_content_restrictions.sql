CREATE TABLE "meta_content_restrictions" (
	"import_id" uuid NOT NULL,
	"part" text NOT NULL,
	"period" text NOT NULL,
	"country" text NOT NULL,
	"country_name" text NOT NULL,
	"items" integer,
	"items_as_published" text,
	"by_product" jsonb,
	"internet_disruptions" integer,
	"line" integer NOT NULL,
	CONSTRAINT "meta_content_restrictions_period" CHECK ("meta_content_restrictions"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "meta_content_restrictions_country" CHECK ("meta_content_restrictions"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "meta_content_restrictions_part" CHECK ("meta_content_restrictions"."part" IN ('restrictions', 'disruptions'))
);
--> statement-breakpoint
ALTER TABLE "meta_content_restrictions" ADD CONSTRAINT "meta_content_restrictions_import_id_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."dataset_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meta_content_restrictions_part_country_period_key" ON "meta_content_restrictions" USING btree ("part","country","period");--> statement-breakpoint
CREATE INDEX "meta_content_restrictions_period_idx" ON "meta_content_restrictions" USING btree ("period");