import type { FastifyInstance } from 'fastify'
import type { Registry } from 'prom-client'
import { type ReadinessCheck, runReadinessChecks } from '../readiness.ts'

export function registerHealthRoutes(
  app: FastifyInstance,
  options: { checks: ReadinessCheck[]; registry: Registry },
): void {
  app.get('/health', async () => ({ status: 'ok' }))
  app.get('/ready', async (_request, reply) => {
    const result = await runReadinessChecks(options.checks)
    return reply.code(result.ready ? 200 : 503).send(result)
  })
  app.get('/metrics', async (_request, reply) => {
    const body = await options.registry.metrics()
    return reply.type(options.registry.contentType).send(body)
  })
}
