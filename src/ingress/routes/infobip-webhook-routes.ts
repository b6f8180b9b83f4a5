import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  InfobipWebhookShapeError,
  parseInfobipWebhook,
  verifyBasicAuth,
  verifyInfobipSignature,
} from '../../channels/infobip/index.ts'
import type { Metrics } from '../../observability/metrics.ts'
import type { InboundQueue } from '../../ports/inbound-queue.ts'
import type { DeliveryReport } from '../../ports/messages.ts'

export interface WebhookRouteOptions {
  queue: InboundQueue
  metrics: Metrics
  hmacSecret?: string
  basicAuth?: string
  recordDeliveryReport?: (report: DeliveryReport) => Promise<unknown>
}

/**
 * Edge only: authenticate, parse, enqueue durably, answer. 200 means every usable message is queued
 * (new ones as `accepted`, repeats as `duplicates`); a body with no usable element is a 400.
 */
export function registerInfobipWebhookRoutes(app: FastifyInstance, options: WebhookRouteOptions): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.body as Buffer
    if (options.hmacSecret) {
      const header = request.headers['x-hub-signature-256']
      if (!verifyInfobipSignature(raw, typeof header === 'string' ? header : undefined, options.hmacSecret)) {
        options.metrics.webhookRejected.inc({ reason: 'signature' })
        return reply.code(401).send({ error: 'invalid signature' })
      }
    }
    if (options.basicAuth && !verifyBasicAuth(request.headers.authorization, options.basicAuth)) {
      options.metrics.webhookRejected.inc({ reason: 'auth' })
      return reply
        .code(401)
        .header('www-authenticate', 'Basic realm="webhook"')
        .send({ error: 'unauthorized' })
    }
    let body: unknown
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch {
      options.metrics.webhookRejected.inc({ reason: 'json' })
      return reply.code(400).send({ error: 'malformed JSON' })
    }
    let parsed: ReturnType<typeof parseInfobipWebhook>
    try {
      parsed = parseInfobipWebhook(body)
    } catch (error) {
      if (error instanceof InfobipWebhookShapeError) {
        options.metrics.webhookRejected.inc({ reason: 'shape' })
        return reply.code(400).send({ error: error.message })
      }
      throw error
    }
    if (parsed.skipped.length > 0) {
      options.metrics.webhookRejected.inc({ reason: 'element' }, parsed.skipped.length)
      request.log.warn({ skipped: parsed.skipped }, 'webhook elements skipped')
    }
    let accepted = 0
    let duplicates = 0
    if (parsed.messages.length > 0) {
      try {
        const result = await options.queue.enqueue(parsed.messages)
        // A duplicate (Infobip retrying, or the same body twice) is counted apart and not reported as accepted.
        options.metrics.inboundDuplicates.inc(result.duplicates)
        parsed.messages.forEach((message, index) => {
          if (result.fresh[index]) options.metrics.inboundMessages.inc({ kind: message.kind })
        })
        accepted = result.enqueued
        duplicates = result.duplicates
      } catch (error) {
        request.log.warn({ err: String(error) }, 'enqueue failed; asking Infobip to retry')
        return reply.code(503).header('retry-after', '5').send({ error: 'queue unavailable, retry later' })
      }
    }
    for (const report of parsed.reports) {
      options.metrics.deliveryReports.inc({ status: report.status })
      await options.recordDeliveryReport?.(report).catch((error: unknown) => {
        request.log.warn({ err: String(error) }, 'could not record delivery report')
      })
    }
    const answer: Record<string, number> = { accepted, duplicates, reports: parsed.reports.length }
    if (parsed.skipped.length > 0) answer.skipped = parsed.skipped.length
    return reply.code(200).send(answer)
  }

  app.register(async (scope) => {
    // The signature covers the raw bytes, so JSON is parsed here rather than by fastify.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
    scope.post('/webhook/infobip', handler)
    scope.post('/webhook/whatsapp', handler)
  })
}
