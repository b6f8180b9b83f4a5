import { readFile } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'

/** The local chat page that looks like a phone and talks through the real webhook route. */
export async function registerWebChatRoutes(app: FastifyInstance): Promise<void> {
  const page = await readFile(new URL('../../../web/chat.html', import.meta.url), 'utf8')
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page))
}
