DROP INDEX "order_messages_request_idx";--> statement-breakpoint
ALTER TABLE "order_messages" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("created_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "order_messages_request_idx" ON "order_messages" USING btree ("request_id","seq");