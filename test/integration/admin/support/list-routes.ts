import type { FastifyInstance } from 'fastify'

/**
 * Every route of the app as { method, url }, read from fastify's own route tree, so a route added
 * later is enumerated without anyone remembering to list it.
 */
export function listRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line.replace(/\u00a0/g, ' '))
    if (!match) continue
    const depth = match[1]!.length / 4
    stack.length = depth
    stack.push(match[2]!)
    if (!match[3]) continue
    for (const method of match[3].split(', ')) routes.push({ method, url: stack.join('') })
  }
  return routes
}
