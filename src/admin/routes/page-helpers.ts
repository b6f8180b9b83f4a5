import type { FastifyReply, FastifyRequest } from 'fastify'
import { principalOf } from '../auth/principal.ts'
import type { SafeHtml } from '../views/html.ts'
import { page, type Section } from '../views/layout.ts'

export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; section: Section; body: SafeHtml; status?: number },
) {
  const principal = principalOf(request)
  return reply
    .code(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(
      page({
        title: options.title,
        section: options.section,
        operator: principal.operator,
        csrfToken: principal.session?.csrfToken ?? '',
        body: options.body,
      }),
    )
}

export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const query = (request.query ?? {}) as Record<string, unknown>
  const result: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(query))
    result[key] = typeof value === 'string' ? value : undefined
  return result
}

export function bodyOf(request: FastifyRequest): Record<string, string | undefined> {
  const body = (request.body ?? {}) as Record<string, unknown>
  const result: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(body)) result[key] = typeof value === 'string' ? value : undefined
  return result
}

/** Positive integer id from a route parameter, or undefined (the route answers 404). */
export function idParam(request: FastifyRequest): number | undefined {
  const value = Number((request.params as { id?: string }).id)
  return Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/** Phone digits from a route parameter (E.164 without '+'). */
export function phoneParam(request: FastifyRequest): string | undefined {
  const value = String((request.params as { phone?: string }).phone ?? '').replace(/^\+/, '')
  return /^\d{6,15}$/.test(value) ? value : undefined
}
