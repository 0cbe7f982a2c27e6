CREATE TYPE "public"."appeal_status" AS ENUM('open', 'upheld', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."enforcement_action" AS ENUM('remove_globally', 'restrict_in_country', 'restore');--> statement-breakpoint
CREATE TYPE "public"."enforcement_status" AS ENUM('queued', 'sending', 'delivered', 'confirmed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."notice_status" AS ENUM('held', 'due', 'sent', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."pushback_kind" AS ENUM('contest', 'court_challenge');--> statement-breakpoint
CREATE TYPE "public"."pushback_outcome" AS ENUM('pending', 'withdrawn_by_authority', 'narrowed', 'upheld', 'annulled', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."review_finding" AS ENUM('violates_policy', 'no_violation', 'unlawful_locally', 'lawful', 'insufficient_information', 'proceed', 'object');--> statement-breakpoint
CREATE TYPE "public"."review_stage" AS ENUM('policy', 'legal', 'human_rights');--> statement-breakpoint
CREATE TYPE "public"."sink_delivery_status" AS ENUM('queued', 'sending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sink_kind" AS ENUM('notice', 'enforcement', 'alert');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'legal' BEFORE 'admin';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'human_rights' BEFORE 'admin';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'auditor';--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"item_id" uuid,
	"statement" text NOT NULL,
	"status" "appeal_status" DEFAULT 'open' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"chains" integer NOT NULL,
	"entries" bigint NOT NULL,
	"root_hash" text NOT NULL,
	"signature" text,
	"key_id" text
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"chain" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"entry" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_chain_seq_pk" PRIMARY KEY("chain","seq")
);
--> statement-breakpoint
CREATE TABLE "deadline_alerts" (
	"request_id" uuid NOT NULL,
	"threshold" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deadline_alerts_request_id_threshold_due_at_pk" PRIMARY KEY("request_id","threshold","due_at")
);
--> statement-breakpoint
CREATE TABLE "decision_proposals" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"outcome" "item_outcome" NOT NULL,
	"reason" "reason_category" NOT NULL,
	"scope_countries" char(2)[],
	"rationale" text NOT NULL,
	"public_summary" text,
	"public_interest" boolean DEFAULT false NOT NULL,
	"case_study" text,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"action" "enforcement_action" NOT NULL,
	"scope_countries" char(2)[],
	"status" "enforcement_status" DEFAULT 'queued' NOT NULL,
	"delivery_id" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"effective_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_reviews" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"reason" "reason_category" NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pushback_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pushback_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"body" text NOT NULL,
	"officer_id" uuid,
	"recorded_by" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pushbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" "pushback_kind" NOT NULL,
	"argument" text NOT NULL,
	"court" text,
	"case_number" text,
	"filed_at" timestamp with time zone NOT NULL,
	"outcome" "pushback_outcome" DEFAULT 'pending' NOT NULL,
	"outcome_note" text,
	"outcome_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_policies" (
	"reason" "reason_category" PRIMARY KEY NOT NULL,
	"stages" "review_stage"[] NOT NULL,
	"sensitive" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"stage" "review_stage" NOT NULL,
	"finding" "review_finding" NOT NULL,
	"note" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sink_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sink" "sink_kind" NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"request_id" uuid,
	"status" "sink_delivery_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"item_id" uuid,
	"account_id" uuid,
	"recipient" text NOT NULL,
	"recipient_email" text,
	"status" "notice_status" NOT NULL,
	"held_until" timestamp with time zone,
	"content" jsonb NOT NULL,
	"appeal_token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "public_summary" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "public_interest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "case_study" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "signed_off_by" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "signed_off_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_notice_id_user_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."user_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_alerts" ADD CONSTRAINT "deadline_alerts_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pushback_answers" ADD CONSTRAINT "pushback_answers_pushback_id_pushbacks_id_fk" FOREIGN KEY ("pushback_id") REFERENCES "public"."pushbacks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pushback_answers" ADD CONSTRAINT "pushback_answers_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pushback_answers" ADD CONSTRAINT "pushback_answers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pushbacks" ADD CONSTRAINT "pushbacks_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pushbacks" ADD CONSTRAINT "pushbacks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_policies" ADD CONSTRAINT "review_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_steps" ADD CONSTRAINT "review_steps_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_steps" ADD CONSTRAINT "review_steps_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_steps" ADD CONSTRAINT "review_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sink_deliveries" ADD CONSTRAINT "sink_deliveries_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_notices" ADD CONSTRAINT "user_notices_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_notices" ADD CONSTRAINT "user_notices_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_notices" ADD CONSTRAINT "user_notices_account_id_data_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."data_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_notices" ADD CONSTRAINT "user_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_request_idx" ON "appeals" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "appeals_open_idx" ON "appeals" USING btree ("received_at") WHERE "appeals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "enforcement_actions_request_idx" ON "enforcement_actions" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "enforcement_actions_status_idx" ON "enforcement_actions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "pushback_answers_pushback_idx" ON "pushback_answers" USING btree ("pushback_id","at");--> statement-breakpoint
CREATE INDEX "pushbacks_request_idx" ON "pushbacks" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "review_steps_item_idx" ON "review_steps" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "review_steps_request_idx" ON "review_steps" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "sink_deliveries_queued_idx" ON "sink_deliveries" USING btree ("created_at") WHERE "sink_deliveries"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "sink_deliveries_status_idx" ON "sink_deliveries" USING btree ("sink","status","created_at");--> statement-breakpoint
CREATE INDEX "user_notices_request_idx" ON "user_notices" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_notices_appeal_token_key" ON "user_notices" USING btree ("appeal_token_hash");--> statement-breakpoint
CREATE INDEX "user_notices_held_idx" ON "user_notices" USING btree ("held_until") WHERE "user_notices"."status" = 'held';--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requests_assignee_idx" ON "requests" USING btree ("assignee_id") WHERE "requests"."assignee_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_key" ON "users" USING btree ("oidc_issuer","oidc_subject");