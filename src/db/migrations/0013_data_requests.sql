CREATE TYPE "public"."account_identifier_kind" AS ENUM('username', 'email', 'phone', 'account_id', 'ip_address');--> statement-breakpoint
CREATE TYPE "public"."data_category" AS ENUM('subscriber_information', 'ip_and_sign_in_logs', 'metadata', 'stored_content', 'location', 'payment_information', 'device_information', 'other');--> statement-breakpoint
CREATE TYPE "public"."emergency_conclusion" AS ENUM('justified', 'not_justified');--> statement-breakpoint
CREATE TYPE "public"."emergency_threat" AS ENUM('risk_of_death_or_serious_injury', 'child_safety', 'terrorism', 'kidnapping', 'suicide_or_self_harm', 'other');--> statement-breakpoint
CREATE TYPE "public"."hold_release" AS ENUM('expired', 'released_by_reviewer', 'order_withdrawn');--> statement-breakpoint
CREATE TYPE "public"."legal_process" AS ENUM('search_warrant', 'subpoena', 'court_order', 'mlat_request', 'emergency_request', 'preservation_request', 'other');--> statement-breakpoint
CREATE TYPE "public"."production_extent" AS ENUM('all', 'some', 'none');--> statement-breakpoint
CREATE TYPE "public"."refusal_reason" AS ENUM('no_valid_legal_process', 'overbroad', 'account_not_found', 'wrong_jurisdiction_mlat_required', 'rejected_after_user_notice', 'other');--> statement-breakpoint
CREATE TABLE "account_decisions" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"extent" "production_extent" NOT NULL,
	"produced_categories" "data_category"[] DEFAULT '{}' NOT NULL,
	"refusal_reason" "refusal_reason",
	"legal_basis" text NOT NULL,
	"rationale" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"identifier_kind" "account_identifier_kind" NOT NULL,
	"identifier" text NOT NULL,
	"window_from" timestamp with time zone,
	"window_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"legal_process" "legal_process" NOT NULL,
	"categories" "data_category"[] DEFAULT '{}' NOT NULL,
	"date_from" timestamp with time zone,
	"date_to" timestamp with time zone,
	"non_disclosure_until" timestamp with time zone,
	"emergency_threat" "emergency_threat",
	"emergency_justification" text
);
--> statement-breakpoint
CREATE TABLE "emergency_reviews" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"review_due_at" timestamp with time zone NOT NULL,
	"follow_up_due_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"conclusion" "emergency_conclusion",
	"review_note" text,
	"follow_up_request_id" uuid,
	"follow_up_received_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "preservation_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"categories" "data_category"[] DEFAULT '{}' NOT NULL,
	"preserved_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"extensions" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp with time zone,
	"legal_process_request_id" uuid,
	"legal_process_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"release_reason" "hold_release",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preservation_holds_release" CHECK (("preservation_holds"."released_at" IS NULL) = ("preservation_holds"."release_reason" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "productions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"manifest" jsonb NOT NULL,
	"available_until" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_decisions" ADD CONSTRAINT "account_decisions_account_id_data_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."data_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_decisions" ADD CONSTRAINT "account_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_accounts" ADD CONSTRAINT "data_accounts_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_reviews" ADD CONSTRAINT "emergency_reviews_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_reviews" ADD CONSTRAINT "emergency_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_reviews" ADD CONSTRAINT "emergency_reviews_follow_up_request_id_requests_id_fk" FOREIGN KEY ("follow_up_request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preservation_holds" ADD CONSTRAINT "preservation_holds_account_id_data_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."data_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preservation_holds" ADD CONSTRAINT "preservation_holds_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preservation_holds" ADD CONSTRAINT "preservation_holds_legal_process_request_id_requests_id_fk" FOREIGN KEY ("legal_process_request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preservation_holds" ADD CONSTRAINT "preservation_holds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productions" ADD CONSTRAINT "productions_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "productions" ADD CONSTRAINT "productions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_accounts_request_position_key" ON "data_accounts" USING btree ("request_id","position");--> statement-breakpoint
CREATE INDEX "data_accounts_identifier_idx" ON "data_accounts" USING btree ("identifier_kind",lower("identifier"));--> statement-breakpoint
CREATE UNIQUE INDEX "preservation_holds_account_key" ON "preservation_holds" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "preservation_holds_due_idx" ON "preservation_holds" USING btree ("expires_at") WHERE "preservation_holds"."released_at" IS NULL;--> statement-breakpoint
CREATE INDEX "productions_request_idx" ON "productions" USING btree ("request_id");