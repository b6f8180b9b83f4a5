import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { TurnRecorder } from '../db/turn-recorder.ts'
import { maskPhone } from '../observability/logger.ts'
import type { Metrics } from '../observability/metrics.ts'
import type { InboundMessage, OutboundMessage, Reply } from '../ports/messages.ts'
import type { RateLimiter } from '../ports/rate-limiter.ts'
import type { TurnHandler, TurnResult } from '../ports/turn-handler.ts'
import type { ProcessMessage } from '../queue/inbound-worker.ts'
import { pipelineTexts } from './pipeline-texts.ts'

export interface MessageProcessorOptions {
  handler: TurnHandler
  recorder: TurnRecorder
  rateLimiter: RateLimiter
  rateLimit: number
  log: Logger
  metrics?: Metrics
  now?: () => Date
}

/** Our reply ids derive from the inbound id: a redelivered turn produces the same ids (idempotent sends). */
export function replyMessageId(inboundId: string, index: number): string {
  return `${inboundId}.r${index}`
}

/** One turn: rate limit, the turn handler, durable records; returns the replies to queue. */
export function createMessageProcessor(options: MessageProcessorOptions): ProcessMessage {
  const now = options.now ?? (() => new Date())
  return async (inbound: InboundMessage) => {
    const started = performance.now()
    const turnId = randomUUID()
    const log = options.log.child({ turnId, from: maskPhone(inbound.from), messageId: inbound.messageId })
    const at = now()
    const { count, resetAt } = await options.rateLimiter.hit(inbound.from)
    let result: TurnResult
    const limited = count > options.rateLimit
    if (limited) {
      options.metrics?.rateLimited.inc()
      // One polite reply, saying when they may write again, when the limit is first crossed; then
      // silence until the window passes (the web chat page notes that from the reply's meta).
      result = {
        replies:
          count === options.rateLimit + 1
            ? [{ text: pipelineTexts.slowDown(resetAt - at.getTime(), resetAt) }]
            : [],
      }
      log.info({ count }, 'rate limited')
    } else {
      try {
        result = await options.handler(inbound, { turnId, log, now: at })
      } catch (error) {
        options.metrics?.turnErrors.inc()
        throw error
      }
    }
    const durationMs = performance.now() - started
    const meta = {
      turnMs: Math.round(durationMs * 10) / 10,
      tools: (result.toolExecutions ?? []).map((execution) => ({
        tool: execution.tool,
        ms: Math.round(execution.durationMs),
        ok: execution.success,
      })),
      ...(result.llm ? { llm: result.llm } : {}),
      ...(limited ? { rateLimitedUntil: new Date(resetAt).toISOString() } : {}),
    }
    const replies = result.replies.map(
      (reply: Reply, index): OutboundMessage => ({
        ...reply,
        messageId: replyMessageId(inbound.messageId, index),
        to: inbound.from,
        inReplyTo: inbound.messageId,
        createdAt: at.toISOString(),
        ...(index === 0 ? { meta } : {}),
      }),
    )
    await options.recorder.recordTurn({
      turnId,
      inbound,
      replies,
      toolExecutions: result.toolExecutions ?? [],
      personId: result.personId,
      tenantId: result.tenantId,
      at,
      meta,
      understanding: result.understanding,
    })
    options.metrics?.turnLatency.observe((performance.now() - started) / 1000)
    log.info({ replies: replies.length, ms: Math.round(durationMs) }, 'turn handled')
    return replies
  }
}
