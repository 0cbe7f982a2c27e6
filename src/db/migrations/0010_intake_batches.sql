CREATE TABLE "intake_batches" (
	"batch_key" text PRIMARY KEY NOT NULL,
	"sent_by" uuid,
	"body_hash" text NOT NULL,
	"answer" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intake_batches" ADD CONSTRAINT "intake_batches_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;