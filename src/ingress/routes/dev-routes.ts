import type { FastifyInstance } from 'fastify'
import type { DevOutbox } from '../../ports/dev-outbox.ts'

export interface SeededDriver {
  phone: string
  name: string
  note?: string
}

/** Local-run helpers: the dev outbox and the list of seeded drivers. Never mounted in production. */
export function registerDevRoutes(
  app: FastifyInstance,
  options: { outbox: DevOutbox; drivers?: () => Promise<SeededDriver[]> },
): void {
  app.get('/dev/outbox', async (request, reply) => {
    const query = request.query as { to?: string; limit?: string }
    const to = (query.to ?? '').replace(/\D/g, '')
    if (!to) return reply.code(400).send({ error: 'query parameter "to" (phone digits) is required' })
    const limit = Math.min(200, Math.max(1, Number(query.limit) || 50))
    return options.outbox.list(to, limit)
  })
  app.get('/dev/drivers', async () => (options.drivers ? options.drivers() : []))
}
