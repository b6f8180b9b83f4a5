import { randomUUID } from 'node:crypto'
import { pino } from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testConfig } from '../../src/app/config/index.ts'
import { type Adapters, createAdapters } from '../../src/app/create-adapters.ts'
import { createTurnHandler } from '../../src/app/create-turn-handler.ts'
import type { TurnHandler, TurnResult } from '../../src/ports/turn-handler.ts'
import {
  type FakeOpenAi,
  type ScriptedReply,
  startFakeOpenAi,
} from '../../src/sandbox/fake-openai/fake-openai-server.ts'

/** The whole turn handler (identity, dialogue, LLM path) with OPENAI_BASE_URL at the fake server. */
let fake: FakeOpenAi
let adapters: Adapters
let handler: TurnHandler
const ivan = '385912345678'
const log = pino({ level: 'silent' })

type Schema = {
  properties: Record<string, { type?: unknown; format?: string; enum?: unknown[] }>
  required: string[]
}
type OfferedTool = { function: { name: string; parameters: Schema } }
type Body = Record<string, unknown>

async function say(text: string): Promise<TurnResult> {
  return handler(
    {
      messageId: randomUUID(),
      from: ivan,
      receivedAt: new Date().toISOString(),
      kind: 'text',
      text,
      channel: 'whatsapp',
    },
    { turnId: randomUUID(), log, now: new Date() },
  )
}
const joined = (result: TurnResult) => result.replies.map((reply) => reply.text).join('\n')
const chatRequests = () => fake.requests.filter((request) => request.path.endsWith('/chat/completions'))
const offeredTools = (body: Body) => (body.tools ?? []) as OfferedTool[]

/** Arguments that pass the tool's schema, as a well-behaved model would send. */
function validArguments(schema: Schema): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  for (const name of schema.required) {
    const property = schema.properties[name]!
    const type = Array.isArray(property.type) ? property.type[0] : property.type
    if (property.enum?.length) args[name] = property.enum[0]
    else if (type === 'integer' || type === 'number') args[name] = 12
    else if (type === 'boolean') args[name] = true
    else if (type === 'array') args[name] = []
    else if (property.format === 'date') args[name] = '2026-03-10'
    else if (property.format === 'date-time') args[name] = '2026-03-10T08:00:00Z'
    else if (property.format === 'uuid') args[name] = '3f6c2a1e-8b4d-4c7a-9e21-5d0b7f4a6c13'
    else args[name] = 'Test'
  }
  return args
}

/** Calls the first offered read tool that needs nothing from the user (the person is injected). */
function callContextOnlyRead(body: Body): ScriptedReply {
  const tool = offeredTools(body).find(
    (candidate) =>
      candidate.function.name.startsWith('get_') && candidate.function.parameters.required.length === 0,
  )
  return { toolCalls: [{ name: tool?.function.name ?? 'none', arguments: {} }] }
}

/** Answers with a value taken from the tool result, or with `override` (a made-up fact). */
function answerFromResult(override?: string) {
  return (body: Body): ScriptedReply => {
    const messages = body.messages as { role: string; content: string }[]
    const result = messages.findLast((message) => message.role === 'tool')?.content ?? ''
    const plate = /[A-Z]{2}-\d{3,4}-[A-Z]{1,2}/.exec(result)?.[0]
    return { content: override ?? `Tablice vašeg vozila: ${plate ?? 'nije dostupno'}.` }
  }
}

beforeAll(async () => {
  fake = await startFakeOpenAi()
  adapters = await createAdapters(
    testConfig({
      DATA_DIR: ':memory:',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      // Every message the templates do not cover goes to the model in this test.
      LLM_CONFIDENCE_THRESHOLD: '2',
      LLM_TIMEOUT_MS: '1000',
      LLM_MAX_RETRIES: '0',
    }),
    'test',
    { upstream: true },
  )
  handler = await createTurnHandler(adapters)
  await say('bok')
  await say('Da')
}, 120_000)

afterAll(async () => {
  await adapters?.close()
  await fake?.close()
})

beforeEach(() => {
  fake.clearScript()
  fake.requests.length = 0
  adapters.sandbox!.control.resetCalls()
})

describe('dialogue with the LLM path', () => {
  it('runs the read tool the model chose, scoped to the user, and keeps an answer backed by the data', async () => {
    fake.script(callContextOnlyRead, answerFromResult())
    const result = await say('koja oprema postoji u sustavu')
    const offered = offeredTools(chatRequests()[0]!.body)
    expect(offered.length).toBeGreaterThan(0)
    expect(offered.length).toBeLessThanOrEqual(8)
    for (const tool of offered)
      expect(Object.keys(tool.function.parameters.properties)).not.toContain('personId')
    expect(result.toolExecutions?.length).toBe(1)
    expect(result.toolExecutions?.[0], JSON.stringify(result.toolExecutions)).toMatchObject({ success: true })
    expect(result.llm).toMatchObject({ outcome: 'answer', promptTokens: 200, completionTokens: 40 })
    expect(joined(result)).toMatch(/^Tablice vašeg vozila: /)
  })

  it('replaces a model answer that states a plate the API did not return', async () => {
    fake.script(callContextOnlyRead, answerFromResult('Tablice vašeg vozila: ZG-0000-XX.'))
    const result = await say('koja oprema postoji u sustavu')
    expect(result.toolExecutions?.length).toBe(1)
    expect(joined(result)).not.toContain('ZG-0000-XX')
    expect(joined(result).length).toBeGreaterThan(0)
  })

  it('holds a write the model proposes for confirmation: nothing is sent before "Da"', async () => {
    let proposed = ''
    fake.script((body) => {
      const write = offeredTools(body).find((tool) => !tool.function.name.startsWith('get_'))!
      proposed = write.function.name
      return {
        toolCalls: [{ name: write.function.name, arguments: validArguments(write.function.parameters) }],
      }
    })
    const result = await say('kreiraj zapis troška')
    expect(proposed).toMatch(/^(post|put|patch|delete)_/)
    expect(result.replies.at(-1)!.buttons?.map((button) => button.title)).toEqual(['Da', 'Ne'])
    const writes = Object.keys(adapters.sandbox!.control.calls()).filter(
      (route) => !route.startsWith('GET') && !route.includes('/sso/'),
    )
    expect(writes).toEqual([])
    await say('Ne')
    expect(
      Object.keys(adapters.sandbox!.control.calls()).filter(
        (route) => !route.startsWith('GET') && !route.includes('/sso/'),
      ),
    ).toEqual([])
  })

  it('falls back to the deterministic path when the model times out', async () => {
    fake.script({ delayMs: 3000, content: 'prekasno' })
    const started = Date.now()
    const result = await say('koja oprema postoji u sustavu')
    expect(Date.now() - started).toBeLessThan(2900)
    expect(joined(result)).not.toContain('prekasno')
    expect(joined(result).length).toBeGreaterThan(0)
    expect(result.llm?.outcome).toBe('fallback')
  })
})
