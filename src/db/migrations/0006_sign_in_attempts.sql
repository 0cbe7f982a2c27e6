CREATE TYPE "public"."sign_in_outcome" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"client_address" text NOT NULL,
	"account_key" text NOT NULL,
	"outcome" "sign_in_outcome" DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_idx" ON "sign_in_attempts" USING btree ("client_address","attempted_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_account_idx" ON "sign_in_attempts" USING btree ("account_key","attempted_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_attempted_idx" ON "sign_in_attempts" USING btree ("attempted_at");