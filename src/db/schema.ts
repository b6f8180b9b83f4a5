import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/** Phone -> MobilityOne person. Known numbers never cost an API call. */
export const userMappings = pgTable('user_mappings', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  phone: text('phone').notNull().unique(),
  personId: text('person_id').notNull(),
  tenantId: text('tenant_id').notNull(),
  displayName: text('display_name').notNull().default(''),
  consent: text('consent', { enum: ['unknown', 'granted', 'denied'] })
    .notNull()
    .default('unknown'),
  consentAt: timestamp('consent_at', { withTimezone: true }),
  active: boolean('active').notNull().default(true),
  /** Read from MobilityOne at identification (ACCESS_FLEET_* mapping); `driver` unless configured. */
  role: text('role', { enum: ['driver', 'fleet'] })
    .notNull()
    .default('driver'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const conversations = pgTable(
  'conversations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phone: text('phone').notNull(),
    personId: text('person_id'),
    tenantId: text('tenant_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('conversations_phone_last_idx').on(table.phone, table.lastMessageAt),
    // Admin: the most recent conversations first.
    index('conversations_last_message_idx').on(table.lastMessageAt),
  ],
)

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: bigint('conversation_id', { mode: 'number' })
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    /** Channel message id: the inbound id, or our derived outbound id. */
    messageId: text('message_id').notNull(),
    turnId: text('turn_id').notNull(),
    text: text('text').notNull(),
    meta: jsonb('meta'),
    /**
     * How the intent model read a user message (null when it did not: a flow step, a button):
     * its top intent, that intent's calibrated probability, and what the turn did (act, no-tool,
     * clarify, fallback). The overview's rates and the teaching queue read these.
     */
    intent: text('intent'),
    confidence: real('confidence'),
    decision: text('decision', { enum: ['act', 'no-tool', 'clarify', 'fallback'] }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('messages_message_id_role_uq').on(table.messageId, table.role),
    index('messages_conversation_created_idx').on(table.conversationId, table.createdAt),
    index('messages_role_idx').on(table.role),
    index('messages_conversation_role_idx').on(table.conversationId, table.role),
    // Admin overview: messages per day and role over a time range (index-only scan).
    index('messages_created_role_idx').on(table.createdAt, table.role),
    // Understanding rates over a time range and the teaching queue, newest first: read messages only.
    index('messages_reading_idx')
      .on(table.createdAt, table.decision, table.confidence)
      .where(sql`${table.decision} is not null`),
  ],
)

export const toolExecutions = pgTable(
  'tool_executions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: bigint('conversation_id', { mode: 'number' }).references(() => conversations.id, {
      onDelete: 'cascade',
    }),
    turnId: text('turn_id').notNull(),
    toolName: text('tool_name').notNull(),
    parameters: jsonb('parameters').notNull().default(sql`'{}'::jsonb`),
    success: boolean('success').notNull(),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    executedAt: timestamp('executed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('tool_executions_success_idx').on(table.success),
    index('tool_executions_executed_at_idx').on(table.executedAt),
    index('tool_executions_tool_success_idx').on(table.toolName, table.success),
    index('tool_executions_conversation_idx').on(table.conversationId),
    // Admin: a transcript joins tool calls by turn; the tool filter pages by time per tool.
    index('tool_executions_turn_idx').on(table.turnId),
    index('tool_executions_tool_time_idx').on(table.toolName, table.executedAt),
    // Covers the per-tool statistics over a time range (index-only scan).
    index('tool_executions_time_stats_idx').on(
      table.executedAt,
      table.toolName,
      table.success,
      table.durationMs,
    ),
  ],
)

export const feedbackReports = pgTable(
  'feedback_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: bigint('conversation_id', { mode: 'number' }).references(() => conversations.id, {
      onDelete: 'cascade',
    }),
    phone: text('phone').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    comment: text('comment'),
    category: text('category'),
    correction: text('correction'),
    /** The inbound message id of the question the report is about, and how the model had read it. */
    messageId: text('message_id'),
    decision: text('decision'),
    intent: text('intent'),
    reviewed: boolean('reviewed').notNull().default(false),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index('feedback_reports_reviewed_idx').on(table.reviewed, table.createdAt),
    // GDPR export and erase find a person's reports by phone.
    index('feedback_reports_phone_idx').on(table.phone),
    // Feedback rates over a time range; the teaching queue joins reports to their message.
    index('feedback_reports_created_idx').on(table.createdAt),
    index('feedback_reports_message_idx').on(table.messageId),
  ],
)

/**
 * Operators' corrections: a message and the intent it meant, trained beside the corpus files
 * (`src/understanding/corpus/`). One row per text (a second correction replaces the intent);
 * texts are stored with personal data masked. `m1 corpus export` writes them as corpus YAML.
 */
export const corpusExamples = pgTable(
  'corpus_examples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    text: text('text').notNull(),
    intent: text('intent').notNull(),
    /** What the model had made of the message when the operator corrected it. */
    previousIntent: text('previous_intent'),
    previousDecision: text('previous_decision'),
    /** The inbound message the correction came from (no foreign key: erasure keeps the example). */
    sourceMessageId: text('source_message_id'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('corpus_examples_text_uq').on(table.text),
    index('corpus_examples_source_idx').on(table.sourceMessageId),
  ],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details'),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    // GDPR erase rewrites the entries that name the erased person.
    index('audit_log_target_idx').on(table.target),
  ],
)

/** Inbound dedupe for embedded mode (Redis SET NX does this job when Redis is configured). */
export const inboundDedupe = pgTable(
  'inbound_dedupe',
  {
    messageId: text('message_id').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('inbound_dedupe_received_idx').on(table.receivedAt)],
)

/** Every outbound message we queued, with its send and delivery status. */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    messageId: text('message_id').primaryKey(),
    phone: text('phone').notNull(),
    inReplyTo: text('in_reply_to').notNull(),
    body: jsonb('body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    seenAt: timestamp('seen_at', { withTimezone: true }),
  },
  (table) => [index('outbound_messages_phone_idx').on(table.phone, table.createdAt)],
)
