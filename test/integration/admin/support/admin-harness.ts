import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { AdminOptions } from '../../../../src/admin/admin-options.ts'
import { createMemorySessionStore } from '../../../../src/admin/auth/session-store.ts'
import { testConfig } from '../../../../src/app/config/index.ts'
import { type Adapters, createAdapters } from '../../../../src/app/create-adapters.ts'
import { createAdminOptions } from '../../../../src/app/create-admin-options.ts'
import { startPipeline } from '../../../../src/app/roles/start-pipeline.ts'
import { buildServer } from '../../../../src/ingress/build-server.ts'
import { placeholderTurnHandler } from '../../../../src/pipeline/placeholder-turn-handler.ts'
import { deleteKeys } from '../../../support/redis-connections.ts'
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.ts'
import { TEST_REDIS_URL, testPrefix } from '../../../support/test-prefix.ts'

export interface AdminHarness {
  app: FastifyInstance
  adapters: Adapters
  admin: AdminOptions
  database: TestDatabase
  prefix: string
  /** Moves the dashboard's clock (sessions, "now" in queries) forward. */
  advance(ms: number): void
  /** Base URL when listening. */
  url: string
  close(): Promise<void>
}

/**
 * The serve role's HTTP app as production wires it (createAdapters + createAdminOptions + buildServer),
 * on a fresh PostgreSQL database, optionally with Redis and the pipeline answering webhook messages.
 */
export async function startAdminHarness(
  options: { redis?: boolean; pipeline?: boolean; listen?: boolean; admin?: Partial<AdminOptions> } = {},
): Promise<AdminHarness> {
  const database = await createTestDatabase()
  const prefix = testPrefix()
  const config = testConfig({
    DATABASE_URL: database.url,
    QUEUE_PARTITIONS: '4',
    ...(options.redis ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix } : {}),
  })
  const adapters = await createAdapters(config, 'admin-test')
  let offsetMs = 0
  const now = () => new Date(Date.now() + offsetMs)
  const base = await createAdminOptions(adapters, { required: true })
  const admin: AdminOptions = {
    ...base!,
    sessions: createMemorySessionStore({
      ttlMs: config.ADMIN_SESSION_TTL_MINUTES * 60_000,
      idleMs: config.ADMIN_SESSION_IDLE_MINUTES * 60_000,
      now: () => now().getTime(),
    }),
    now,
    ...options.admin,
  }
  if (options.pipeline) startPipeline(adapters, placeholderTurnHandler)
  const app = await buildServer({
    log: adapters.log,
    metrics: adapters.metrics,
    checks: adapters.checks,
    bodyLimit: config.WEBHOOK_BODY_LIMIT_BYTES,
    webhook: { queue: adapters.inbound },
    admin,
  })
  let url = ''
  if (options.listen) url = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    app,
    adapters,
    admin,
    database,
    prefix,
    url,
    advance(ms) {
      offsetMs += ms
    },
    async close() {
      await app.close()
      if (adapters.redis) await deleteKeys(adapters.redis, prefix).catch(() => {})
      await adapters.close()
      await database.drop()
    },
  }
}

function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie']
  return Array.isArray(header) ? header : header ? [header] : []
}

function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!
}

/** Logs in through the form like a browser; returns the cookie header and the session's CSRF token. */
export async function login(
  app: FastifyInstance,
  credentials = { username: 'admin', password: 'admin' },
): Promise<{ cookie: string; csrf: string }> {
  const form = await app.inject({ method: 'GET', url: '/admin/login' })
  const loginCookie = cookiePair(setCookies(form)[0]!)
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!
  const response = await app.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, ...credentials, next: '/admin/overview' }).toString(),
  })
  if (response.statusCode !== 303)
    throw new Error(`login failed: ${response.statusCode} ${response.body.slice(0, 200)}`)
  const session = setCookies(response).find((cookie) => cookie.startsWith('m1_admin_session='))!
  const cookie = cookiePair(session)
  const page = await app.inject({ method: 'GET', url: '/admin/overview', headers: { cookie } })
  const csrf = /"X-CSRF-Token":"([^"]+)"/.exec(page.body.replaceAll('&quot;', '"'))![1]!
  return { cookie, csrf }
}
