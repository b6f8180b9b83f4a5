import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify'
import type { Logger } from 'pino'
import type { AdminOptions } from '../admin/admin-options.ts'
import { registerAdmin } from '../admin/register-admin.ts'
import type { Metrics } from '../observability/metrics.ts'
import type { DevOutbox } from '../ports/dev-outbox.ts'
import type { InboundQueue } from '../ports/inbound-queue.ts'
import type { DeliveryReport } from '../ports/messages.ts'
import type { ReadinessCheck } from './readiness.ts'
import { registerDevRoutes, type SeededDriver } from './routes/dev-routes.ts'
import { registerHealthRoutes } from './routes/health-routes.ts'
import { registerInfobipWebhookRoutes } from './routes/infobip-webhook-routes.ts'
import { registerWebChatRoutes } from './routes/web-chat-routes.ts'

export interface ServerOptions {
  log: Logger
  metrics: Metrics
  checks: ReadinessCheck[]
  bodyLimit: number
  webhook?: {
    queue: InboundQueue
    hmacSecret?: string
    basicAuth?: string
    recordDeliveryReport?: (report: DeliveryReport) => Promise<unknown>
  }
  dev?: { outbox: DevOutbox; drivers?: () => Promise<SeededDriver[]> }
  /** The operator dashboard and its API under /admin. */
  admin?: AdminOptions
}

/** Builds the HTTP app without listening, so tests use inject() and roles choose what to mount. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    bodyLimit: options.bodyLimit,
    // Request lines would log URLs with phone numbers (/dev/outbox?to=...): routes log what they need.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
  })
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error.message }, 'request failed')
    reply
      .code(status)
      .send({ error: status === 413 ? 'body too large' : status >= 500 ? 'internal error' : error.message })
  })
  registerHealthRoutes(app, { checks: options.checks, registry: options.metrics.registry })
  if (options.webhook) registerInfobipWebhookRoutes(app, { ...options.webhook, metrics: options.metrics })
  if (options.dev) {
    registerDevRoutes(app, options.dev)
    await registerWebChatRoutes(app)
  }
  if (options.admin) await registerAdmin(app, options.admin)
  return app
}
