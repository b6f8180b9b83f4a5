CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"person_id" text,
	"tenant_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" bigint,
	"phone" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"comment" text,
	"category" text,
	"correction" text,
	"reviewed" boolean DEFAULT false NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_dedupe" (
	"message_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" bigint NOT NULL,
	"role" text NOT NULL,
	"message_id" text NOT NULL,
	"turn_id" text NOT NULL,
	"text" text NOT NULL,
	"meta" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"in_reply_to" text NOT NULL,
	"body" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tool_executions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" bigint,
	"turn_id" text NOT NULL,
	"tool_name" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"success" boolean NOT NULL,
	"error" text,
	"duration_ms" integer NOT NULL,
	"executed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_mappings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"person_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"consent" text DEFAULT 'unknown' NOT NULL,
	"consent_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_mappings_phone_unique" UNIQUE("phone")
);
--> statement-breakpoint
ALTER TABLE "feedback_reports" ADD CONSTRAINT "feedback_reports_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_executions" ADD CONSTRAINT "tool_executions_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "conversations_phone_last_idx" ON "conversations" USING btree ("phone","last_message_at");--> statement-breakpoint
CREATE INDEX "feedback_reports_reviewed_idx" ON "feedback_reports" USING btree ("reviewed","created_at");--> statement-breakpoint
CREATE INDEX "inbound_dedupe_received_idx" ON "inbound_dedupe" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_message_id_role_uq" ON "messages" USING btree ("message_id","role");--> statement-breakpoint
CREATE INDEX "messages_conversation_created_idx" ON "messages" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_role_idx" ON "messages" USING btree ("role");--> statement-breakpoint
CREATE INDEX "messages_conversation_role_idx" ON "messages" USING btree ("conversation_id","role");--> statement-breakpoint
CREATE INDEX "outbound_messages_phone_idx" ON "outbound_messages" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "tool_executions_success_idx" ON "tool_executions" USING btree ("success");--> statement-breakpoint
CREATE INDEX "tool_executions_executed_at_idx" ON "tool_executions" USING btree ("executed_at");--> statement-breakpoint
CREATE INDEX "tool_executions_tool_success_idx" ON "tool_executions" USING btree ("tool_name","success");--> statement-breakpoint
CREATE INDEX "tool_executions_conversation_idx" ON "tool_executions" USING btree ("conversation_id");