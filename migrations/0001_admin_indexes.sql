CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target");--> statement-breakpoint
CREATE INDEX "conversations_last_message_idx" ON "conversations" USING btree ("last_message_at");--> statement-breakpoint
CREATE INDEX "feedback_reports_phone_idx" ON "feedback_reports" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "messages_created_role_idx" ON "messages" USING btree ("created_at","role");--> statement-breakpoint
CREATE INDEX "tool_executions_turn_idx" ON "tool_executions" USING btree ("turn_id");--> statement-breakpoint
CREATE INDEX "tool_executions_tool_time_idx" ON "tool_executions" USING btree ("tool_name","executed_at");--> statement-breakpoint
CREATE INDEX "tool_executions_time_stats_idx" ON "tool_executions" USING btree ("executed_at","tool_name","success","duration_ms");