import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ScriptedReply {
  /** HTTP status; non-2xx answers an OpenAI-style error body. */
  status?: number
  headers?: Record<string, string>
  content?: string | null
  toolCalls?: { name: string; arguments: string | Record<string, unknown>; id?: string }[]
  /** Wait this long before answering (timeouts). */
  delayMs?: number
  usage?: { prompt_tokens: number; completion_tokens: number }
}

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: Record<string, unknown>
}

export interface FakeOpenAi {
  url: string
  requests: RecordedRequest[]
  /** Queue replies for the next chat-completion requests, in order; a function sees the request body. */
  script(...replies: (ScriptedReply | ((body: Record<string, unknown>) => ScriptedReply))[]): void
  /** Drops replies still queued (between tests). */
  clearScript(): void
  /** Vector returned for an embeddings input (default: a deterministic hash-based vector). */
  setEmbedding(fn: (input: string) => number[]): void
  close(): Promise<void>
}

function defaultEmbedding(input: string, dimensions = 16): number[] {
  const vector = new Array<number>(dimensions).fill(0)
  for (let index = 0; index < input.length; index++)
    vector[index % dimensions]! += input.charCodeAt(index) % 31
  return vector
}

/** An OpenAI-compatible server on loopback: chat completions with tool calls, and embeddings. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = []
  const queue: (ScriptedReply | ((body: Record<string, unknown>) => ScriptedReply))[] = []
  let embedding = (input: string) => defaultEmbedding(input)
  let callCounter = 0
  const pendingTimers = new Set<NodeJS.Timeout>()

  const send = (
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(JSON.stringify(body))
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost')
      let body: Record<string, unknown> = {}
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
      } catch {
        send(response, 400, { error: { message: 'invalid JSON' } })
        return
      }
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
      })
      if (url.pathname.endsWith('/embeddings')) {
        const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)]
        send(response, 200, {
          object: 'list',
          model: body.model,
          // The openai SDK asks for base64 unless told otherwise, and decodes it as float32s.
          data: inputs.map((input, index) => ({
            object: 'embedding',
            index,
            embedding:
              body.encoding_format === 'base64'
                ? Buffer.from(Float32Array.from(embedding(input)).buffer).toString('base64')
                : embedding(input),
          })),
          usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
        })
        return
      }
      if (!url.pathname.endsWith('/chat/completions')) {
        send(response, 404, { error: { message: `no route ${url.pathname}` } })
        return
      }
      const next = queue.shift() ?? { content: 'OK' }
      const reply = typeof next === 'function' ? next(body) : next
      const answer = () => {
        if (reply.status && reply.status >= 400) {
          send(
            response,
            reply.status,
            { error: { message: `scripted ${reply.status}`, type: 'scripted' } },
            reply.headers,
          )
          return
        }
        const toolCalls = (reply.toolCalls ?? []).map((call) => ({
          id: call.id ?? `call_${++callCounter}`,
          type: 'function',
          function: {
            name: call.name,
            arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
          },
        }))
        send(
          response,
          200,
          {
            id: `chatcmpl-${++callCounter}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: String(body.model ?? 'fake-model'),
            choices: [
              {
                index: 0,
                finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
                message: {
                  role: 'assistant',
                  content: reply.content ?? null,
                  ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
                },
              },
            ],
            usage: {
              ...(reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 }),
              total_tokens: (reply.usage?.prompt_tokens ?? 100) + (reply.usage?.completion_tokens ?? 20),
            },
          },
          reply.headers,
        )
      }
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          pendingTimers.delete(timer)
          if (!response.destroyed) answer()
        }, reply.delayMs)
        pendingTimers.add(timer)
      } else {
        answer()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => queue.push(...replies),
    clearScript: () => {
      queue.length = 0
    },
    setEmbedding(fn) {
      embedding = fn
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
