import type { FastifyRequest } from 'fastify'
import type { AdminSession } from './session-store.ts'

export interface AdminPrincipal {
  operator: string
  /** Browser sessions carry a CSRF token; API calls with Basic credentials have no session. */
  session?: AdminSession
}

// A WeakMap instead of decorating FastifyRequest keeps the type out of every other route.
const principals = new WeakMap<FastifyRequest, AdminPrincipal>()

export function setPrincipal(request: FastifyRequest, principal: AdminPrincipal): void {
  principals.set(request, principal)
}

/** The authenticated operator; a route reached without one is a wiring bug, so this throws. */
export function principalOf(request: FastifyRequest): AdminPrincipal {
  const principal = principals.get(request)
  if (!principal) throw new Error('admin route reached without authentication')
  return principal
}

/** Who and from where, for the audit log. */
export function actorOf(request: FastifyRequest): { actor: string; ip: string } {
  return { actor: principalOf(request).operator, ip: request.ip }
}
