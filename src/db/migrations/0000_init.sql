CREATE TYPE "public"."authority_kind" AS ENUM('communications_regulator', 'police', 'prosecutor', 'court', 'data_protection_authority', 'other_executive', 'legislature', 'other');--> statement-breakpoint
CREATE TYPE "public"."item_outcome" AS ENUM('removed_legal', 'removed_policy', 'content_not_found', 'not_enough_information', 'no_action', 'content_already_removed');--> statement-breakpoint
CREATE TYPE "public"."reason_category" AS ENUM('Adult Content', 'Bullying/Harassment', 'Business Complaints', 'Copyright', 'Defamation', 'Drug Abuse', 'Electoral Law', 'Fraud', 'Geographical Dispute', 'Government Criticism', 'Hate Speech', 'Impersonation', 'National Security', 'Obscenity/Nudity', 'Other', 'Privacy and Security', 'Reason Unspecified', 'Regulated Goods and Services', 'Religious Offense', 'Suicide Promotion', 'Trademark', 'Violence');--> statement-breakpoint
CREATE TYPE "public"."request_channel" AS ENUM('portal', 'api', 'email', 'post');--> statement-breakpoint
CREATE TYPE "public"."request_kind" AS ENUM('content_removal', 'user_data', 'preservation', 'emergency_disclosure');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('received', 'in_review', 'needs_clarification', 'decided', 'closed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."target_kind" AS ENUM('url', 'account', 'content_id');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('reviewer', 'admin');--> statement-breakpoint
CREATE SEQUENCE "public"."request_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" char(2) NOT NULL,
	"name" text NOT NULL,
	"kind" "authority_kind" NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorities_country_format" CHECK ("authorities"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"outcome" "item_outcome" NOT NULL,
	"reason" "reason_category" NOT NULL,
	"scope_countries" char(2)[],
	"rationale" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"item_id" uuid,
	"type" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "installation" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"target_kind" "target_kind" NOT NULL,
	"target" text NOT NULL,
	"product" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text DEFAULT 'WR-' || lpad(nextval('request_reference_seq')::text, 6, '0') NOT NULL,
	"kind" "request_kind" NOT NULL,
	"authority_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"authority_time_zone" text NOT NULL,
	"legal_basis" text NOT NULL,
	"claimed_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"channel" "request_channel" NOT NULL,
	"authority_reference" text,
	"status" "request_status" DEFAULT 'received' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_basis" text NOT NULL,
	"decided_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'reviewer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "authorities_country_name_key" ON "authorities" USING btree ("country","name");--> statement-breakpoint
CREATE INDEX "events_request_idx" ON "events" USING btree ("request_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "items_request_position_key" ON "items" USING btree ("request_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_reference_key" ON "requests" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "requests_status_due_idx" ON "requests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "requests_authority_idx" ON "requests" USING btree ("authority_id");--> statement-breakpoint
CREATE INDEX "requests_received_idx" ON "requests" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));