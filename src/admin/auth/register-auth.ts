import { createHash, randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AdminMetrics } from '../admin-metrics.ts'
import type { AdminOptions } from '../admin-options.ts'
import { loginPage } from '../views/layout.ts'
import { readCookie, serializeCookie } from './cookies.ts'
import { loginKeys } from './login-limiter.ts'
import { setPrincipal } from './principal.ts'
import { safeEqual } from './safe-equal.ts'

export const sessionCookie = 'm1_admin_session'
export const loginCsrfCookie = 'm1_admin_login'
const cookiePath = '/admin'
const basicCacheMs = 5 * 60 * 1000

/** Routes anyone may reach (the login form and static assets); everything else under /admin needs an operator. */
export const publicAdminRoutes = new Set([
  '/admin/login',
  '/admin/assets/htmx.min.js',
  '/admin/assets/admin.css',
])

function safeNext(value: unknown): string {
  const next = typeof value === 'string' ? value : ''
  // Only our own pages: no scheme, no protocol-relative `//host`, no backslash tricks.
  return /^\/admin(\/[\w\-./?=&%]*)?$/.test(next) && !next.includes('//') && !next.startsWith('/admin/login')
    ? next
    : '/admin/overview'
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/admin/api/')
}

/**
 * Session cookie (HttpOnly, SameSite=Strict, Secure in production) for browsers, Basic credentials for
 * scripts on /admin/api; a CSRF token on every state-changing browser request; rate-limited logins.
 */
export function registerAuth(app: FastifyInstance, options: AdminOptions, metrics: AdminMetrics): void {
  const basicCache = new Map<string, { operator: string; until: number }>()
  const now = () => (options.now ? options.now().getTime() : Date.now())

  function loginCsrf(request: FastifyRequest, reply: FastifyReply): string {
    const existing = readCookie(request.headers.cookie, loginCsrfCookie)
    if (existing && existing.length >= 32) return existing
    const token = randomBytes(32).toString('base64url')
    reply.header(
      'set-cookie',
      serializeCookie(loginCsrfCookie, token, { secure: options.secureCookies, path: cookiePath }),
    )
    return token
  }

  function renderLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    next: string,
    error?: string,
  ) {
    const csrfToken = loginCsrf(request, reply)
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(loginPage({ csrfToken, next, error, localLogin: options.accounts.isLocalDefault }))
  }

  async function basicPrincipal(request: FastifyRequest): Promise<string | undefined> {
    const header = request.headers.authorization
    if (!header?.startsWith('Basic ')) return undefined
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
    const separator = decoded.indexOf(':')
    if (separator < 1) return undefined
    const name = decoded.slice(0, separator)
    const password = decoded.slice(separator + 1)
    // scrypt costs tens of milliseconds by design; a verified credential is remembered briefly by its digest.
    const digest = createHash('sha256').update(decoded).digest('base64url')
    const cached = basicCache.get(digest)
    if (cached && cached.until > now()) return cached.operator
    const keys = loginKeys(request.ip, name, options.loginMaxFailures)
    if (await options.loginLimiter.blocked(keys)) return undefined
    if (!(await options.accounts.verify(name, password))) {
      await options.loginLimiter.fail(keys)
      metrics.logins.inc({ result: 'api-failed' })
      return undefined
    }
    if (basicCache.size > 1000) basicCache.clear()
    basicCache.set(digest, { operator: name, until: now() + basicCacheMs })
    return name
  }

  app.addHook('onRequest', async (request, reply) => {
    if (options.ipAllowList && !options.ipAllowList(request.ip)) {
      metrics.denied.inc({ reason: 'ip' })
      return reply.code(403).send({ error: 'forbidden' })
    }
    // Personal data must not linger in caches or be framed by other sites.
    reply.header('cache-control', 'no-store')
    reply.header('x-frame-options', 'DENY')
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'same-origin')
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    )
  })

  app.addHook('preHandler', async (request, reply) => {
    if (publicAdminRoutes.has(request.routeOptions.url ?? '')) return
    const sessionId = readCookie(request.headers.cookie, sessionCookie)
    const session = sessionId ? await options.sessions.get(sessionId) : undefined
    if (session) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const header = request.headers['x-csrf-token']
        const field = (request.body as Record<string, unknown> | undefined)?._csrf
        const token = typeof header === 'string' ? header : typeof field === 'string' ? field : ''
        if (!token || !safeEqual(token, session.csrfToken)) {
          metrics.denied.inc({ reason: 'csrf' })
          return reply.code(403).send({ error: 'invalid or missing CSRF token' })
        }
      }
      setPrincipal(request, { operator: session.operator, session })
      return
    }
    if (isApi(request)) {
      const operator = await basicPrincipal(request)
      if (operator) {
        setPrincipal(request, { operator })
        return
      }
    }
    metrics.denied.inc({ reason: 'unauthenticated' })
    if (isApi(request)) return reply.code(401).send({ error: 'unauthorized' })
    const next = request.method === 'GET' ? request.url : '/admin/overview'
    if (request.headers['hx-request']) {
      return reply
        .code(401)
        .header('hx-redirect', `/admin/login?next=${encodeURIComponent(next)}`)
        .send({ error: 'unauthorized' })
    }
    return renderLogin(
      request,
      reply,
      401,
      safeNext(next),
      sessionId ? 'Your session has expired.' : undefined,
    )
  })

  app.get('/login', async (request, reply) =>
    renderLogin(request, reply, 200, safeNext((request.query as { next?: string }).next)),
  )

  app.post('/login', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const next = safeNext(body.next)
    const cookieToken = readCookie(request.headers.cookie, loginCsrfCookie)
    if (!cookieToken || typeof body._csrf !== 'string' || !safeEqual(body._csrf, cookieToken)) {
      metrics.denied.inc({ reason: 'csrf' })
      return reply.code(403).send({ error: 'invalid or missing CSRF token' })
    }
    const username = typeof body.username === 'string' ? body.username.trim().slice(0, 64) : ''
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : ''
    const keys = loginKeys(request.ip, username, options.loginMaxFailures)
    if (await options.loginLimiter.blocked(keys)) {
      metrics.logins.inc({ result: 'limited' })
      await options.audit.record({
        actor: 'anonymous',
        action: 'login.limited',
        details: { username },
        ip: request.ip,
      })
      return reply
        .code(429)
        .header('retry-after', '900')
        .type('text/html; charset=utf-8')
        .send(
          loginPage({
            csrfToken: cookieToken,
            next,
            error: 'Too many failed attempts. Try again in 15 minutes.',
            localLogin: options.accounts.isLocalDefault,
          }),
        )
    }
    if (!username || !(await options.accounts.verify(username, password))) {
      await options.loginLimiter.fail(keys)
      metrics.logins.inc({ result: 'failed' })
      await options.audit.record({
        actor: 'anonymous',
        action: 'login.failed',
        details: { username },
        ip: request.ip,
      })
      return renderLogin(request, reply, 401, next, 'Wrong user or password.')
    }
    // The address stays counted: one that guessed an account's password keeps its earlier failures.
    await options.loginLimiter.clear(keys.slice(0, 1))
    const session = await options.sessions.create(username)
    metrics.logins.inc({ result: 'ok' })
    await options.audit.record({ actor: username, action: 'login', ip: request.ip })
    return reply
      .code(303)
      .header('set-cookie', [
        serializeCookie(sessionCookie, session.id, {
          secure: options.secureCookies,
          path: cookiePath,
          maxAgeSeconds: Math.floor(options.sessionTtlMs / 1000),
        }),
        // The login token is single use: a new one is minted for the next login form.
        serializeCookie(loginCsrfCookie, '', {
          secure: options.secureCookies,
          path: cookiePath,
          maxAgeSeconds: 0,
        }),
      ])
      .header('location', next)
      .send()
  })
}

/** Log out: needs a session and its CSRF token like any other change. */
export function registerLogout(app: FastifyInstance, options: AdminOptions): void {
  app.post('/logout', async (request, reply) => {
    const sessionId = readCookie(request.headers.cookie, sessionCookie)
    if (sessionId) {
      const session = await options.sessions.get(sessionId)
      await options.sessions.destroy(sessionId)
      if (session) await options.audit.record({ actor: session.operator, action: 'logout', ip: request.ip })
    }
    return reply
      .code(303)
      .header(
        'set-cookie',
        serializeCookie(sessionCookie, '', {
          secure: options.secureCookies,
          path: cookiePath,
          maxAgeSeconds: 0,
        }),
      )
      .header('location', '/admin/login')
      .send()
  })
}
