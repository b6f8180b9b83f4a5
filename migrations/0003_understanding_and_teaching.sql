CREATE TABLE "corpus_examples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"intent" text NOT NULL,
	"previous_intent" text,
	"previous_decision" text,
	"source_message_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD COLUMN "decision" text;--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD COLUMN "intent" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "intent" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "confidence" real;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "decision" text;--> statement-breakpoint
CREATE UNIQUE INDEX "corpus_examples_text_uq" ON "corpus_examples" USING btree ("text");--> statement-breakpoint
CREATE INDEX "corpus_examples_source_idx" ON "corpus_examples" USING btree ("source_message_id");--> statement-breakpoint
CREATE INDEX "feedback_reports_created_idx" ON "feedback_reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "feedback_reports_message_idx" ON "feedback_reports" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "messages_reading_idx" ON "messages" USING btree ("created_at","decision","confidence") WHERE "messages"."decision" is not null;