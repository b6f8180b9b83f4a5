import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'
import { adminCss } from '../views/admin-css.ts'

const require = createRequire(import.meta.url)

/** htmx from node_modules (pinned to 2.x) and the stylesheet: public, cacheable, no personal data. */
export async function registerAssetRoutes(app: FastifyInstance): Promise<void> {
  const htmx = await readFile(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8')
  app.get('/assets/htmx.min.js', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').type('text/javascript; charset=utf-8').send(htmx),
  )
  app.get('/assets/admin.css', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(adminCss),
  )
}
