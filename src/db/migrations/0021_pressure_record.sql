CREATE TYPE "public"."pressure_kind" AS ENUM('fine', 'court_judgment', 'blocking', 'throttling', 'app_store_ban', 'advertising_ban', 'data_localisation_enforcement', 'internet_shutdown', 'service_shutdown', 'staff_pressure', 'other');--> statement-breakpoint
CREATE TYPE "public"."pressure_status" AS ENUM('announced', 'appealed', 'paid', 'overturned', 'lifted');--> statement-breakpoint
CREATE TYPE "public"."shutdown_scope" AS ENUM('national', 'regional');--> statement-breakpoint
CREATE TABLE "pressure_event_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "pressure_event_orders" (
	"event_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	CONSTRAINT "pressure_event_orders_event_id_request_id_pk" PRIMARY KEY("event_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "pressure_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "pressure_kind" NOT NULL,
	"country" char(2) NOT NULL,
	"authority" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"scope" "shutdown_scope",
	"region" text,
	"announced_on" date NOT NULL,
	"in_force_on" date,
	"ended_on" date,
	"amount" numeric(23, 8),
	"currency" char(3),
	"reference_currency" char(3),
	"reference_rate" numeric(23, 8),
	"reference_rate_on" date,
	"regime_id" text,
	"duty_id" text,
	"deadline_rule_id" text,
	"status" "pressure_status" NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"sources" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pressure_events_country_format" CHECK ("pressure_events"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "pressure_events_amount_with_currency" CHECK (("pressure_events"."amount" IS NULL) = ("pressure_events"."currency" IS NULL)),
	CONSTRAINT "pressure_events_ends_after_start" CHECK ("pressure_events"."ended_on" IS NULL OR "pressure_events"."ended_on" >= coalesce("pressure_events"."in_force_on", "pressure_events"."announced_on"))
);
--> statement-breakpoint
ALTER TABLE "pressure_event_history" ADD CONSTRAINT "pressure_event_history_event_id_pressure_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."pressure_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_event_history" ADD CONSTRAINT "pressure_event_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_event_orders" ADD CONSTRAINT "pressure_event_orders_event_id_pressure_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."pressure_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_event_orders" ADD CONSTRAINT "pressure_event_orders_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_events" ADD CONSTRAINT "pressure_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pressure_event_history_event_idx" ON "pressure_event_history" USING btree ("event_id","id");--> statement-breakpoint
CREATE INDEX "pressure_event_orders_request_idx" ON "pressure_event_orders" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "pressure_events_country_idx" ON "pressure_events" USING btree ("country","announced_on");--> statement-breakpoint
CREATE INDEX "pressure_events_duty_idx" ON "pressure_events" USING btree ("regime_id","duty_id");--> statement-breakpoint
-- The pressure record's history is append-only, like the other histories (0001, 0003, 0007).
CREATE TRIGGER pressure_event_history_append_only BEFORE UPDATE OR DELETE ON "pressure_event_history"
  FOR EACH ROW EXECUTE FUNCTION writ_events_are_append_only();
--> statement-breakpoint
CREATE TRIGGER pressure_event_history_not_truncated BEFORE TRUNCATE ON "pressure_event_history"
  FOR EACH STATEMENT EXECUTE FUNCTION writ_events_are_append_only();
