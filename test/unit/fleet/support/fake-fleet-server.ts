import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** A stand-in for MobilityOne in client tests: records requests, replies as scripted. */

export interface RecordedRequest {
  method: string
  /** Raw request target, exactly as sent (encoding visible). */
  url: string
  pathname: string
  headers: IncomingMessage['headers']
  body: string
}

export interface FakeReply {
  status?: number
  json?: unknown
  text?: string
  headers?: Record<string, string>
  delayMs?: number
  /** Drop the connection without answering. */
  destroy?: boolean
}

type Responder = (request: RecordedRequest) => FakeReply | Promise<FakeReply>

export interface FakeFleetServer {
  baseUrl: string
  authUrl: string
  requests: RecordedRequest[]
  tokenRequests: RecordedRequest[]
  connections: number
  /** Tokens the API accepts; clear it to simulate revocation. */
  validTokens: Set<string>
  tokenLifetimeSeconds: number
  /** Added to every answer, token endpoint included (benchmarks). */
  latencyMs: number
  on(method: string, pathname: string, responder: Responder | FakeReply): void
  /** One-shot replies used before the `on` responder, in order. */
  script(method: string, pathname: string, ...replies: FakeReply[]): void
  scriptToken(...replies: FakeReply[]): void
  close(): Promise<void>
}

export async function startFakeFleetServer(): Promise<FakeFleetServer> {
  const routes = new Map<string, Responder>()
  const scripts = new Map<string, FakeReply[]>()
  const sockets = new Set<Socket>()
  let tokenCounter = 0
  const state = {
    requests: [] as RecordedRequest[],
    tokenRequests: [] as RecordedRequest[],
    connections: 0,
    validTokens: new Set<string>(),
    tokenLifetimeSeconds: 3600,
    latencyMs: 0,
  }

  async function send(response: import('node:http').ServerResponse, reply: FakeReply): Promise<void> {
    const delay = (reply.delayMs ?? 0) + state.latencyMs
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    if (reply.destroy) {
      response.socket?.destroy()
      return
    }
    const headers: Record<string, string> = { ...reply.headers }
    let body = ''
    if (reply.json !== undefined) {
      body = JSON.stringify(reply.json)
      headers['content-type'] ??= 'application/json; charset=utf-8'
    } else if (reply.text !== undefined) {
      body = reply.text
      headers['content-type'] ??= 'text/plain'
    }
    if (response.destroyed) return
    response.writeHead(reply.status ?? 200, headers)
    response.end(body)
  }

  const server: Server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const url = incoming.url ?? '/'
    const recorded: RecordedRequest = {
      method: incoming.method ?? 'GET',
      url,
      pathname: url.split('?')[0]!,
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    }
    const key = `${recorded.method} ${recorded.pathname}`
    if (recorded.pathname === '/sso/connect/token') {
      state.tokenRequests.push(recorded)
      const scripted = scripts.get(key)?.shift()
      if (scripted) return send(response, scripted)
      const form = new URLSearchParams(recorded.body)
      if (form.get('client_id') !== 'client' || form.get('client_secret') !== 'secret') {
        return send(response, { status: 400, json: { error: 'invalid_client' } })
      }
      if (form.has('scope')) return send(response, { status: 400, json: { error: 'invalid_scope' } })
      const token = `token-${++tokenCounter}`
      state.validTokens.add(token)
      return send(response, {
        json: { access_token: token, expires_in: state.tokenLifetimeSeconds, token_type: 'Bearer' },
      })
    }
    state.requests.push(recorded)
    const bearer = String(recorded.headers.authorization ?? '').replace(/^Bearer /, '')
    if (!state.validTokens.has(bearer))
      return send(response, { status: 401, json: { message: 'invalid token' } })
    const scripted = scripts.get(key)?.shift()
    if (scripted) return send(response, scripted)
    const route = routes.get(key)
    if (!route) return send(response, { status: 404, json: { title: `no route ${key}` } })
    return send(response, await route(recorded))
  })
  server.keepAliveTimeout = 30_000
  server.on('connection', (socket) => {
    state.connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`

  return {
    baseUrl,
    authUrl: `${baseUrl}/sso/connect/token`,
    get requests() {
      return state.requests
    },
    get tokenRequests() {
      return state.tokenRequests
    },
    get connections() {
      return state.connections
    },
    get validTokens() {
      return state.validTokens
    },
    get tokenLifetimeSeconds() {
      return state.tokenLifetimeSeconds
    },
    set tokenLifetimeSeconds(value: number) {
      state.tokenLifetimeSeconds = value
    },
    get latencyMs() {
      return state.latencyMs
    },
    set latencyMs(value: number) {
      state.latencyMs = value
    },
    on(method, pathname, responder) {
      routes.set(`${method} ${pathname}`, typeof responder === 'function' ? responder : () => responder)
    },
    script(method, pathname, ...replies) {
      const key = `${method} ${pathname}`
      scripts.set(key, [...(scripts.get(key) ?? []), ...replies])
    },
    scriptToken(...replies) {
      const key = 'POST /sso/connect/token'
      scripts.set(key, [...(scripts.get(key) ?? []), ...replies])
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
