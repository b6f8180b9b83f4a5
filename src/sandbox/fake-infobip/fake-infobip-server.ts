import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { INFOBIP_LIMITS } from '../../channels/infobip/infobip-limits.ts'

export interface FakeInfobipOptions {
  /** When set, requests without `Authorization: App <apiKey>` get 401 (and are still recorded). */
  apiKey?: string
  host?: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Reject bodies the real API would reject (missing fields, limits) with 400. Default true. */
  validate?: boolean
  /** Called for every accepted message, e.g. by benchmarks measuring end-to-end latency. */
  onMessage?: (message: FakeInfobipMessage) => void
}

export interface RecordedInfobipRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown
  rawBody: string
  /** Date.now() when the body had been read. */
  receivedAt: number
  responseStatus: number
}

/** A message the fake accepted (answered 200), as the real API would deliver it. */
export interface FakeInfobipMessage {
  path: string
  messageId: string
  from: string
  to: string
  content: Record<string, unknown>
  receivedAt: number
}

export interface FakeInfobip {
  /** Base URL to use as INFOBIP_BASE_URL, e.g. http://127.0.0.1:40123 */
  url: string
  /** Every request in arrival order, including rejected ones. */
  requests: RecordedInfobipRequest[]
  /** Accepted messages in arrival order. Like the real API it does not dedupe by messageId. */
  messages: FakeInfobipMessage[]
  /**
   * Answer the next `count` message requests with `status` (Retry-After header when given).
   * `afterRequests` lets that many requests through first, e.g. to fail the second part of a split text.
   */
  failNext(
    status: number,
    count?: number,
    retryAfter?: number | string,
    options?: { afterRequests?: number },
  ): void
  /** Resolves with the accepted messages once at least `count` exist; rejects after the timeout. */
  waitForMessages(count: number, timeoutMs?: number): Promise<FakeInfobipMessage[]>
  /** Forgets recorded requests, messages and scripted failures. */
  reset(): void
  close(): Promise<void>
}

const MESSAGE_PATHS = new Set([
  '/whatsapp/1/message/text',
  '/whatsapp/1/message/interactive/buttons',
  '/whatsapp/1/message/interactive/list',
])
const BODY_LIMIT_BYTES = 1024 * 1024

/** `status: undefined` lets a request through (see failNext's afterRequests). */
interface ScriptedFailure {
  status?: number
  retryAfter?: string
}

interface Waiter {
  count: number
  resolve: (messages: FakeInfobipMessage[]) => void
}

/**
 * A real HTTP stand-in for Infobip's WhatsApp send API (UPSTREAM §2.2) for tests and benchmarks:
 * records every request, validates bodies like the real API, and answers 429/5xx/4xx on demand.
 */
export async function startFakeInfobip(options: FakeInfobipOptions = {}): Promise<FakeInfobip> {
  const validate = options.validate ?? true
  const requests: RecordedInfobipRequest[] = []
  const messages: FakeInfobipMessage[] = []
  let failures: ScriptedFailure[] = []
  let waiters: Waiter[] = []

  function accept(message: FakeInfobipMessage): void {
    messages.push(message)
    options.onMessage?.(message)
    const ready = waiters.filter((waiter) => messages.length >= waiter.count)
    if (ready.length === 0) return
    waiters = waiters.filter((waiter) => messages.length < waiter.count)
    for (const waiter of ready) waiter.resolve([...messages])
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0]
    const rawBody = await readBody(request)
    let body: unknown
    try {
      body = rawBody === undefined ? undefined : JSON.parse(rawBody)
    } catch {
      body = undefined
    }
    const recorded: RecordedInfobipRequest = {
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      body,
      rawBody: rawBody ?? '',
      receivedAt: Date.now(),
      responseStatus: 0,
    }
    requests.push(recorded)
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      recorded.responseStatus = status
      response.writeHead(status, { 'content-type': 'application/json', ...headers })
      response.end(JSON.stringify(payload))
    }

    if (rawBody === undefined) return answer(413, serviceError('BAD_REQUEST', 'Request body too large'))
    if (request.method !== 'POST' || !MESSAGE_PATHS.has(path)) {
      return answer(404, serviceError('NOT_FOUND', `No route for ${request.method} ${path}`))
    }
    if (options.apiKey !== undefined && request.headers.authorization !== `App ${options.apiKey}`) {
      return answer(401, serviceError('UNAUTHORIZED', 'Invalid login details'))
    }
    const failure = failures.shift()
    if (failure?.status !== undefined) {
      const headers: Record<string, string> =
        failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter }
      return answer(failure.status, serviceError(failureName(failure.status), 'Scripted failure'), headers)
    }
    const problem = validate ? validateMessage(path, body) : undefined
    if (problem) return answer(400, serviceError('BAD_REQUEST', problem))

    const message = body as { from?: unknown; to?: unknown; messageId?: unknown; content?: unknown }
    const accepted: FakeInfobipMessage = {
      path,
      messageId: typeof message.messageId === 'string' ? message.messageId : randomUUID(),
      from: String(message.from ?? ''),
      to: String(message.to ?? ''),
      content: (message.content ?? {}) as Record<string, unknown>,
      receivedAt: recorded.receivedAt,
    }
    answer(200, {
      to: accepted.to,
      messageCount: 1,
      messageId: accepted.messageId,
      status: {
        groupId: 1,
        groupName: 'PENDING',
        id: 7,
        name: 'PENDING_ENROUTE',
        description: 'Message sent to next instance',
      },
    })
    accept(accepted)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify(serviceError('GENERAL_ERROR', String(error))))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${host}:${address.port}`,
    requests,
    messages,
    failNext(status, count = 1, retryAfter, failOptions = {}) {
      for (let index = 0; index < (failOptions.afterRequests ?? 0); index++) failures.push({})
      for (let index = 0; index < count; index++) {
        failures.push(retryAfter === undefined ? { status } : { status, retryAfter: String(retryAfter) })
      }
    },
    waitForMessages(count, timeoutMs = 5_000) {
      if (messages.length >= count) return Promise.resolve([...messages])
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== entry)
          reject(
            new Error(
              `fake Infobip: expected ${count} messages within ${timeoutMs} ms, got ${messages.length}`,
            ),
          )
        }, timeoutMs)
        const entry: Waiter = {
          count,
          resolve: (received) => {
            clearTimeout(timer)
            resolve(received)
          },
        }
        waiters.push(entry)
      })
    },
    reset() {
      requests.length = 0
      messages.length = 0
      failures = []
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
    },
  }
}

/** Reads the body as UTF-8; undefined when it exceeds the limit. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > BODY_LIMIT_BYTES) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function serviceError(messageId: string, text: string) {
  return { requestError: { serviceException: { messageId, text } } }
}

function failureName(status: number): string {
  if (status === 429) return 'TOO_MANY_REQUESTS'
  if (status >= 500) return 'GENERAL_ERROR'
  return 'BAD_REQUEST'
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max

/** The checks the real API makes that our sender must never trip; answers the first problem. */
function validateMessage(path: string, body: unknown): string | undefined {
  if (!isObject(body)) return 'body must be a JSON object'
  if (!isText(body.from, 32)) return 'from is required'
  if (typeof body.to !== 'string' || !/^\d{6,15}$/.test(body.to)) return 'to must be digits'
  if (body.messageId !== undefined && !isText(body.messageId, 200)) return 'messageId is invalid'
  const content = body.content
  if (!isObject(content)) return 'content is required'
  if (path.endsWith('/text')) {
    return isText(content.text, INFOBIP_LIMITS.textLength) ? undefined : 'content.text is empty or too long'
  }
  if (!isObject(content.body) || !isText(content.body.text, INFOBIP_LIMITS.interactiveBodyLength)) {
    return 'content.body.text is empty or too long'
  }
  const action = content.action
  if (!isObject(action)) return 'content.action is required'
  return path.endsWith('/buttons') ? validateButtons(action) : validateList(action)
}

function validateButtons(action: Json): string | undefined {
  const buttons = action.buttons
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > INFOBIP_LIMITS.buttonCount) {
    return 'action.buttons must hold 1 to 3 buttons'
  }
  for (const button of buttons) {
    if (!isObject(button) || button.type !== 'REPLY') return 'button type must be REPLY'
    if (!isText(button.id, INFOBIP_LIMITS.buttonIdLength)) return 'button id is invalid'
    if (!isText(button.title, INFOBIP_LIMITS.buttonTitleLength)) return 'button title is empty or too long'
  }
  return undefined
}

function validateList(action: Json): string | undefined {
  if (!isText(action.title, INFOBIP_LIMITS.listButtonLabelLength)) return 'action.title is empty or too long'
  const sections = action.sections
  if (
    !Array.isArray(sections) ||
    sections.length === 0 ||
    sections.length > INFOBIP_LIMITS.listSectionCount
  ) {
    return 'action.sections must hold 1 to 10 sections'
  }
  let rows = 0
  for (const section of sections) {
    if (!isObject(section) || !Array.isArray(section.rows) || section.rows.length === 0)
      return 'section needs rows'
    if (section.title !== undefined && !isText(section.title, INFOBIP_LIMITS.listSectionTitleLength)) {
      return 'section title is empty or too long'
    }
    if (sections.length > 1 && section.title === undefined)
      return 'section title is required with several sections'
    for (const row of section.rows) {
      rows += 1
      if (!isObject(row) || !isText(row.id, INFOBIP_LIMITS.listRowIdLength)) return 'row id is invalid'
      if (!isText(row.title, INFOBIP_LIMITS.listRowTitleLength)) return 'row title is empty or too long'
      if (
        row.description !== undefined &&
        !isText(row.description, INFOBIP_LIMITS.listRowDescriptionLength)
      ) {
        return 'row description is empty or too long'
      }
    }
  }
  return rows > INFOBIP_LIMITS.listRowCount ? 'a list holds at most 10 rows' : undefined
}
