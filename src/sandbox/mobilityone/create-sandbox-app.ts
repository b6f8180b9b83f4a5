import { fileURLToPath } from 'node:url'
import formbody from '@fastify/formbody'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { automationOperations } from './automation-operations.ts'
import { createSandboxDataset } from './create-sandbox-dataset.ts'
import { genericOperations, type LoadedSpec, loadSpecDirectory } from './generic-operations.ts'
import { listSeededDrivers } from './list-seeded-drivers.ts'
import { parseQueryParameters } from './query-parameters.ts'
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_DEFAULT_SEED,
  SANDBOX_DEFAULT_TOKEN_TTL_SECONDS,
} from './sandbox-constants.ts'
import {
  controlRequestSchema,
  createSandboxControl,
  type FaultOutcome,
  type FaultRule,
  type SandboxControl,
} from './sandbox-control.ts'
import { buildSandboxOpenApi } from './sandbox-openapi.ts'
import type { SandboxOperation, SandboxResponse, SandboxService } from './sandbox-operation.ts'
import { problemDetails, SandboxProblem } from './sandbox-problem.ts'
import type { SandboxDataset } from './sandbox-records.ts'
import { createSandboxRouter } from './sandbox-router.ts'
import { tenantmgtOperations } from './tenantmgt-operations.ts'
import { createTokenStore } from './token-store.ts'
import { validateBody } from './validate-body.ts'
import { vehiclemgtOperations } from './vehiclemgt-operations.ts'

export interface SandboxOptions {
  clientId?: string
  clientSecret?: string
  tokenTtlSeconds?: number
  latencyMs?: number
  latencyJitterMs?: number
  /** Directory of real OpenAPI specs: their other operations are served generically. */
  specsDir?: string | URL
  seed?: number
  /** Tenant-local `YYYY-MM-DD` the dataset's dates hang off; default today. */
  baseDate?: string
  faults?: FaultRule[]
  now?: () => Date
}

export interface SandboxApp {
  app: FastifyInstance
  control: SandboxControl
  dataset: SandboxDataset
  clientId: string
  clientSecret: string
  tenantIds: string[]
}

type Handler =
  | { kind: 'own'; operation: SandboxOperation }
  | { kind: 'generic'; handle: ReturnType<typeof genericOperations>[number]['handle'] }

const SERVICES: SandboxService[] = ['automation', 'tenantmgt', 'vehiclemgt']
/** Where a live MobilityOne system publishes each spec (UPSTREAM §1.1). */
const LIVE_SPEC_VERSIONS: Record<SandboxService, string> = {
  automation: 'v1.0.0',
  tenantmgt: 'v2.0.0-alpha',
  vehiclemgt: 'v2.0.0-alpha',
}
const TOKEN_ROUTE = 'POST /sso/connect/token'

const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="hr"><head><meta charset="utf-8"><title>MobilityOne - Prijava</title></head>
<body><form method="post" action="/sso/Account/Login"><h1>Prijava</h1>
<label>Korisničko ime <input name="Username"></label><label>Lozinka <input name="Password" type="password"></label>
<button type="submit">Prijavi se</button></form></body></html>`

/**
 * Builds the simulated MobilityOne tenant without listening, for in-process use and
 * `app.inject` tests. Every route table and spec document is built here, once.
 */
export async function createSandboxApp(options: SandboxOptions = {}): Promise<SandboxApp> {
  const clientId = options.clientId ?? SANDBOX_CLIENT_ID
  const clientSecret = options.clientSecret ?? SANDBOX_CLIENT_SECRET
  const seed = options.seed ?? SANDBOX_DEFAULT_SEED
  const now = options.now ?? (() => new Date())
  const dataset = createSandboxDataset({ seed, baseDate: options.baseDate })
  const tokens = createTokenStore({
    ttlSeconds: options.tokenTtlSeconds ?? SANDBOX_DEFAULT_TOKEN_TTL_SECONDS,
    now,
  })
  const control = createSandboxControl({
    latencyMs: options.latencyMs ?? 0,
    latencyJitterMs: options.latencyJitterMs ?? 0,
    faults: options.faults ?? [],
    seed,
    revokeTokens: () => tokens.revokeAll(),
  })

  const own = [...automationOperations(), ...tenantmgtOperations(), ...vehiclemgtOperations()]
  const router = createSandboxRouter<Handler>()
  for (const operation of own) {
    router.add(operation.method, `/${operation.service}${operation.path}`, { kind: 'own', operation })
  }
  const specDocuments = new Map<string, string>()
  for (const service of SERVICES) {
    const document = JSON.stringify(buildSandboxOpenApi(service, own))
    specDocuments.set(`/${service}/swagger/v1/swagger.json`, document)
    specDocuments.set(
      `/${service}/swagger/${LIVE_SPEC_VERSIONS[service]}/swagger.json`.toLowerCase(),
      document,
    )
  }
  const specs: LoadedSpec[] = options.specsDir ? await loadSpecDirectory(toPath(options.specsDir)) : []
  for (const spec of specs) {
    // With real specs at hand the live location serves them, so a registry loading "from the
    // live system" sees the whole catalogue the sandbox answers.
    specDocuments.set(`/${spec.service}/swagger/${spec.version}/swagger.json`.toLowerCase(), spec.raw)
    for (const operation of genericOperations(spec)) {
      // First registration wins: hand-written operations keep their real semantics.
      router.add(operation.method, `/${operation.service}${operation.path}`, {
        kind: 'generic',
        handle: operation.handle,
      })
    }
  }

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 1_048_576 })
  await app.register(formbody)
  app.removeContentTypeParser(['application/json'])
  const parseJson = (
    _request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    const text = String(body)
    // Clients send Content-Type: application/json on every call, bodiless DELETEs included.
    if (text.trim() === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch (error) {
      done(
        new SandboxProblem(400, `The request body is not valid JSON: ${(error as Error).message}`),
        undefined,
      )
    }
  }
  app.addContentTypeParser(['application/json', 'text/json'], { parseAs: 'string' }, parseJson)
  app.addContentTypeParser(/^application\/[\w.-]+\+json$/, { parseAs: 'string' }, parseJson)
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof SandboxProblem)
      return sendJson(reply, error.status, error.toBody(pathOf(request.url)))
    const status = (error as { statusCode?: number }).statusCode ?? 500
    return sendJson(
      reply,
      status,
      problemDetails(status, (error as Error).message, undefined, pathOf(request.url)),
    )
  })
  app.addHook('onClose', async () => control.releaseAll())

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url)
    const lowerPath = path.toLowerCase()
    if (lowerPath === '/sso/connect/token') return handleToken(request, reply)
    if (lowerPath.startsWith('/__control/')) return handleControl(request, reply, lowerPath)
    const document = request.method === 'GET' ? specDocuments.get(lowerPath) : undefined
    if (document) {
      control.recordCall(`GET ${path}`)
      return reply.code(200).type('application/json; charset=utf-8').send(document)
    }
    const match = router.match(request.method, path)
    if (match === null) throw new SandboxProblem(404, `No operation at ${request.method} ${path}`)
    if (match === 'method-not-allowed')
      throw new SandboxProblem(405, `${request.method} is not allowed on ${path}`)
    control.recordCall(match.key)
    const fault = await control.beforeHandling(match.key, { isApiRoute: true })
    if (fault) return sendFault(reply, fault)
    const authorization = request.headers.authorization ?? ''
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
    if (!token) return unauthorized(reply, 'Missing Bearer token')
    const state = tokens.check(token)
    if (state !== 'valid')
      return unauthorized(reply, state === 'expired' ? 'The token expired' : 'Invalid token')
    const tenantHeader = request.headers['x-tenant']
    const tenantId = typeof tenantHeader === 'string' ? tenantHeader.trim().toLowerCase() : ''
    const tenant = dataset.tenantsById.get(tenantId)
    if (!tenant) {
      throw new SandboxProblem(
        403,
        tenantId ? `Unknown tenant '${tenantId}'` : 'The x-tenant header is required',
      )
    }
    const query = parseQueryParameters(request.url)
    const response: SandboxResponse =
      match.handler.kind === 'own'
        ? match.handler.operation.handle({ tenant, params: match.params, query, body: request.body, now })
        : match.handler.handle({ tenantId: tenant.id, params: match.params, query })
    if (response.headers) reply.headers(response.headers)
    if (response.body === undefined) return reply.code(response.status).send()
    return sendJson(reply, response.status, response.body)
  }

  const handleToken = async (request: FastifyRequest, reply: FastifyReply) => {
    control.recordCall(TOKEN_ROUTE)
    const fault = await control.beforeHandling(TOKEN_ROUTE, { isApiRoute: false })
    if (fault) return sendFault(reply, fault)
    reply.header('cache-control', 'no-store')
    if (request.method !== 'POST') return oauthError(reply, 405, 'invalid_request', 'Use POST')
    const contentType = String(request.headers['content-type'] ?? '')
    if (!contentType.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(reply, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded')
    }
    const form = (request.body ?? {}) as Record<string, string | undefined>
    let id = form.client_id
    let secret = form.client_secret
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
    if (basic) {
      const [basicId, basicSecret] = Buffer.from(basic, 'base64').toString('utf8').split(':')
      id = decodeURIComponent(basicId ?? '')
      secret = decodeURIComponent(basicSecret ?? '')
    }
    if (form.grant_type !== 'client_credentials') {
      return oauthError(
        reply,
        400,
        'unsupported_grant_type',
        'Only grant_type=client_credentials is supported',
      )
    }
    if (id !== clientId || secret !== clientSecret) return oauthError(reply, 400, 'invalid_client')
    if (form.scope !== undefined && form.scope.trim() !== '') return oauthError(reply, 400, 'invalid_scope')
    const issued = tokens.issue()
    return sendJson(reply, 200, {
      access_token: issued.accessToken,
      expires_in: issued.expiresIn,
      token_type: 'Bearer',
      scope: 'automation tenantmgt vehiclemgt',
    })
  }

  const handleControl = async (request: FastifyRequest, reply: FastifyReply, lowerPath: string) => {
    const route = `${request.method} ${lowerPath}`
    switch (route) {
      case 'GET /__control/calls':
        return sendJson(reply, 200, { total: control.callCount(), calls: control.calls() })
      case 'DELETE /__control/calls':
        control.resetCalls()
        return reply.code(204).send()
      case 'GET /__control/faults':
        return sendJson(reply, 200, control.state())
      case 'POST /__control/faults':
        control.apply(validateBody(controlRequestSchema, request.body))
        return sendJson(reply, 200, control.state())
      case 'POST /__control/reset':
        control.reset()
        return sendJson(reply, 200, control.state())
      case 'GET /__control/drivers':
        return sendJson(reply, 200, listSeededDrivers(dataset))
      default:
        throw new SandboxProblem(404, `No control operation at ${request.method} ${pathOf(request.url)}`)
    }
  }

  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: handle })
  app.setNotFoundHandler((request, reply) =>
    sendJson(reply, 404, problemDetails(404, `No operation at ${request.method} ${pathOf(request.url)}`)),
  )
  return {
    app,
    control: control as SandboxControl,
    dataset,
    clientId,
    clientSecret,
    tenantIds: dataset.tenants.map((tenant) => tenant.id),
  }
}

function sendJson(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body))
}

function sendFault(reply: FastifyReply, fault: FaultOutcome) {
  switch (fault.kind) {
    case 'html':
      return reply.code(200).type('text/html; charset=utf-8').send(LOGIN_PAGE)
    case 'rate-limit':
      reply.header('retry-after', String(fault.retryAfterSeconds))
      return sendJson(
        reply,
        429,
        problemDetails(429, `Rate limit exceeded, retry after ${fault.retryAfterSeconds} s`),
      )
    default:
      return sendJson(reply, fault.status, problemDetails(fault.status, 'Injected fault (sandbox)'))
  }
}

function unauthorized(reply: FastifyReply, detail: string) {
  reply.header('www-authenticate', 'Bearer error="invalid_token"')
  return sendJson(reply, 401, problemDetails(401, detail))
}

function oauthError(reply: FastifyReply, status: number, error: string, description?: string) {
  return sendJson(reply, status, description ? { error, error_description: description } : { error })
}

function pathOf(url: string): string {
  const queryStart = url.indexOf('?')
  return queryStart < 0 ? url : url.slice(0, queryStart)
}

function toPath(directory: string | URL): string {
  return directory instanceof URL ? fileURLToPath(directory) : directory
}
