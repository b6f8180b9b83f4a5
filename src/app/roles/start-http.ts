import type { FastifyInstance } from 'fastify'
import type { AdminOptions } from '../../admin/admin-options.ts'
import { buildServer } from '../../ingress/build-server.ts'
import type { Adapters } from '../create-adapters.ts'

export interface HttpRoleOptions {
  webhook: boolean
  dev: boolean
  port: number
  drivers?: () => Promise<{ phone: string; name: string; note?: string }[]>
  /** Mounts the dashboard under /admin. */
  admin?: AdminOptions
}

export async function startHttp(adapters: Adapters, options: HttpRoleOptions): Promise<FastifyInstance> {
  const { config } = adapters
  const app = await buildServer({
    log: adapters.log,
    metrics: adapters.metrics,
    checks: adapters.checks,
    bodyLimit: config.WEBHOOK_BODY_LIMIT_BYTES,
    webhook: options.webhook
      ? {
          queue: adapters.inbound,
          hmacSecret: config.WEBHOOK_HMAC_SECRET,
          basicAuth: config.WEBHOOK_BASIC_AUTH,
          recordDeliveryReport: (report) => adapters.recorder.recordDeliveryReport(report),
        }
      : undefined,
    dev: options.dev ? { outbox: adapters.devOutbox, drivers: options.drivers } : undefined,
    admin: options.admin,
  })
  await app.listen({ port: options.port, host: config.HOST })
  adapters.onClose(() => app.close())
  return app
}
