CREATE TYPE "public"."deadline_basis" AS ENUM('law', 'policy', 'order');--> statement-breakpoint
CREATE TYPE "public"."coverage_metric" AS ENUM('avg_daily_users_over_month', 'daily_users', 'daily_accesses', 'registered_users', 'monthly_active_recipients', 'monthly_active_users', 'monthly_visits_avg_6m', 'users');--> statement-breakpoint
CREATE TYPE "public"."duty_status" AS ENUM('not_started', 'in_progress', 'done', 'not_applicable');--> statement-breakpoint
CREATE TABLE "duty_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"duty_record_id" uuid NOT NULL,
	"note" text NOT NULL,
	"file_name" text,
	"content_type" text,
	"content" "bytea",
	"size" integer,
	"sha256" text,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_evidence_size_limit" CHECK ("duty_evidence"."size" IS NULL OR "duty_evidence"."size" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "duty_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" char(2) NOT NULL,
	"regime_id" text NOT NULL,
	"duty_id" text NOT NULL,
	"status" "duty_status" DEFAULT 'not_started' NOT NULL,
	"owner" text,
	"note" text,
	"not_applicable_reason" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_records_reason_when_not_applicable" CHECK ("duty_records"."status" <> 'not_applicable' OR "duty_records"."not_applicable_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "obligation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"country" char(2) NOT NULL,
	"regime_id" text,
	"duty_id" text,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "user_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" char(2) NOT NULL,
	"metric" "coverage_metric" NOT NULL,
	"value" bigint NOT NULL,
	"measured_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_figures_country_format" CHECK ("user_figures"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "user_figures_value_not_negative" CHECK ("user_figures"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "regime_id" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "period_set_in_order_hours" double precision;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "deadline_basis" "deadline_basis" DEFAULT 'policy' NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "deadline_rule_id" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "deadline_rule_version" integer;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "deadline_rule" jsonb;--> statement-breakpoint
ALTER TABLE "duty_evidence" ADD CONSTRAINT "duty_evidence_duty_record_id_duty_records_id_fk" FOREIGN KEY ("duty_record_id") REFERENCES "public"."duty_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_evidence" ADD CONSTRAINT "duty_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_events" ADD CONSTRAINT "obligation_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_figures" ADD CONSTRAINT "user_figures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_evidence_record_idx" ON "duty_evidence" USING btree ("duty_record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_records_duty_key" ON "duty_records" USING btree ("country","regime_id","duty_id");--> statement-breakpoint
CREATE INDEX "obligation_events_duty_idx" ON "obligation_events" USING btree ("country","regime_id","duty_id","id");--> statement-breakpoint
CREATE INDEX "user_figures_country_metric_idx" ON "user_figures" USING btree ("country","metric","measured_on");--> statement-breakpoint
CREATE INDEX "requests_regime_idx" ON "requests" USING btree ("regime_id");