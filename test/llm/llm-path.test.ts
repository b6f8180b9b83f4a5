import { pino } from 'pino'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { testConfig } from '../../src/app/config/index.ts'
import { createLlmPath, type LlmPath } from '../../src/llm/create-llm-path.ts'
import type { Tool } from '../../src/registry/tool.ts'
import { type FakeOpenAi, startFakeOpenAi } from '../../src/sandbox/fake-openai/fake-openai-server.ts'
import { readMessage } from '../../src/understanding/read-message.ts'
import { addMileageTool, allTools, masterDataTool, vehicleTool } from './llm-fixtures.ts'

let fake: FakeOpenAi
const log = pino({ level: 'silent' })
const vehicle = { Id: 'v1', LicencePlate: 'ZG-1234-AB', LastMileage: 45231, FullVehicleName: 'Škoda Octavia' }

async function path(overrides: Record<string, string> = {}): Promise<LlmPath> {
  const config = testConfig({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    LLM_MAX_RETRIES: '2',
    LLM_TIMEOUT_MS: '2000',
    ...overrides,
  })
  const llm = await createLlmPath({ config, registry: new Registry(), log })
  if (!llm) throw new Error('LLM path should be on with a key')
  return llm
}

const executed: { tool: string; args: Record<string, unknown> }[] = []
const runtime = {
  runReadTool: async (tool: Tool, args: Record<string, unknown>) => {
    executed.push({ tool: tool.id, args })
    return { ok: true as const, data: vehicle }
  },
  formatResult: (_tool: Tool, data: unknown) => {
    const item = data as typeof vehicle
    return `${item.FullVehicleName} (${item.LicencePlate}): 45.231 km`
  },
}
const input = (text: string, tools: Tool[] = allTools) => ({
  message: readMessage(text),
  userSummary: 'Ivan Horvat, vozilo Škoda Octavia ZG-1234-AB',
  history: [],
  tools,
})
const chatRequests = () => fake.requests.filter((request) => request.path.endsWith('/chat/completions'))
const lastMessages = () => chatRequests().at(-1)!.body.messages as { role: string; content: string }[]

beforeAll(async () => {
  fake = await startFakeOpenAi()
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.requests.length = 0
  executed.length = 0
})

describe('LLM path', () => {
  it('is off without a key: createLlmPath returns undefined', async () => {
    const llm = await createLlmPath({ config: testConfig(), registry: new Registry(), log })
    expect(llm).toBeUndefined()
  })

  it('executes a correct tool call and keeps an answer whose facts are in the data', async () => {
    fake.script(
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: { id: 'v1' } }] },
      { content: 'Vaše vozilo ZG-1234-AB ima 45.231 km.' },
    )
    const outcome = await (await path()).run(input('reci mi kilometražu auta v1'), runtime)
    expect(outcome.kind).toBe('answer')
    if (outcome.kind !== 'answer') return
    expect(outcome.text).toBe('Vaše vozilo ZG-1234-AB ima 45.231 km.')
    expect(outcome.factCheck).toBe('passed')
    expect(executed).toEqual([{ tool: 'get_Vehicles_id', args: { id: 'v1' } }])
    expect(outcome.usage.promptTokens).toBe(200)
    expect(outcome.toolExecutions).toHaveLength(1)
    // Only the retrieved tools, with context parameters hidden from the model.
    const offered = chatRequests()[0]!.body.tools as {
      function: { name: string; parameters: { properties: object } }
    }[]
    expect(offered.map((tool) => tool.function.name)).toEqual([
      'get_Vehicles_id',
      'get_MasterData',
      'post_AddMileage',
    ])
    expect(Object.keys(offered[1]!.function.parameters.properties)).toEqual([])
    expect(Object.keys(offered[2]!.function.parameters.properties)).toEqual(['Value', 'Comment'])
  })

  it('rejects a hallucinated tool name and lets the model correct itself', async () => {
    fake.script(
      { toolCalls: [{ name: 'get_Cars', arguments: {} }] },
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: { id: 'v1' } }] },
      { content: 'Tablice: ZG-1234-AB' },
    )
    const outcome = await (await path()).run(input('tablice'), runtime)
    expect(outcome.kind).toBe('answer')
    const bounced = (chatRequests()[1]!.body.messages as { role: string; content: string }[]).at(-1)!
    expect(bounced.role).toBe('tool')
    expect(bounced.content).toContain('unknown tool "get_Cars"')
    expect(executed.map((item) => item.tool)).toEqual(['get_Vehicles_id'])
  })

  it('bounces missing, wrong-typed and extra arguments with the validation message', async () => {
    fake.script(
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: {} }] },
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: { id: 5 } }] },
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: { id: 'v1', colour: 'red' } }] },
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: { id: 'v1' } }] },
      { content: 'ZG-1234-AB' },
    )
    const outcome = await (await path({ LLM_VALIDATION_RETRIES: '3' })).run(input('vozilo v1'), runtime)
    expect(outcome.kind).toBe('answer')
    const bounce = (index: number) =>
      (chatRequests()[index]!.body.messages as { content: string }[]).at(-1)!.content
    expect(bounce(1)).toContain('missing required argument "id"')
    expect(bounce(2)).toContain('/id must be string')
    expect(bounce(3)).toContain('unknown argument "colour"')
    expect(executed).toHaveLength(1)
  })

  it('gives up after the retry limit without executing anything', async () => {
    fake.script(
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: {} }] },
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: {} }] },
    )
    const outcome = await (await path({ LLM_VALIDATION_RETRIES: '1' })).run(input('vozilo'), runtime)
    expect(outcome.kind).toBe('fallback')
    expect(executed).toHaveLength(0)
  })

  it('holds a mutating call for confirmation instead of executing it', async () => {
    fake.script({ toolCalls: [{ name: 'post_AddMileage', arguments: { Value: 45500 } }] })
    const outcome = await (await path()).run(input('upiši 45500 km'), runtime)
    expect(outcome.kind).toBe('confirm')
    if (outcome.kind !== 'confirm') return
    expect(outcome.tool.id).toBe('post_AddMileage')
    expect(outcome.arguments).toEqual({ Value: 45500 })
    expect(executed).toHaveLength(0)
    expect(chatRequests()).toHaveLength(1)
  })

  it('retries a 429 honouring Retry-After, then succeeds', async () => {
    fake.script(
      { status: 429, headers: { 'retry-after': '0' } },
      { content: 'Pozdrav! Kako vam mogu pomoći?' },
    )
    const outcome = await (await path()).run(input('bok'), runtime)
    expect(outcome.kind).toBe('answer')
    expect(chatRequests()).toHaveLength(2)
  })

  it('falls back to the deterministic path on a timeout, never to silence', async () => {
    fake.script({ delayMs: 1500, content: 'prekasno' })
    const started = Date.now()
    const outcome = await (await path({ LLM_TIMEOUT_MS: '200', LLM_MAX_RETRIES: '0' })).run(
      input('bok'),
      runtime,
    )
    expect(outcome.kind).toBe('fallback')
    if (outcome.kind === 'fallback') expect(outcome.reason).toMatch(/unavailable/)
    expect(Date.now() - started).toBeLessThan(1400)
  })

  it('replaces an answer stating a mileage that is not in the data', async () => {
    fake.script(
      { toolCalls: [{ name: 'get_Vehicles_id', arguments: { id: 'v1' } }] },
      { content: 'Vaše vozilo ima 99.999 km.' },
    )
    const outcome = await (await path()).run(input('kilometraža'), runtime)
    expect(outcome.kind).toBe('answer')
    if (outcome.kind !== 'answer') return
    expect(outcome.factCheck).toBe('replaced')
    expect(outcome.text).toBe('Škoda Octavia (ZG-1234-AB): 45.231 km')
  })

  it('trims history oldest-first to stay under the prompt budget', async () => {
    fake.script({ content: 'U redu.' })
    const history = Array.from({ length: 40 }, (_, index) => ({
      role: (index % 2 === 0 ? 'user' : 'assistant') as 'user' | 'assistant',
      text: `poruka broj ${index} ${'riječ '.repeat(40)}`,
    }))
    const outcome = await (await path({ LLM_PROMPT_BUDGET_TOKENS: '1500' })).run(
      { ...input('hvala', [masterDataTool]), history },
      runtime,
    )
    expect(outcome.droppedHistory).toBeGreaterThan(0)
    expect(outcome.promptTokens).toBeLessThanOrEqual(1500)
    const messages = lastMessages()
    expect(messages[0]!.role).toBe('system')
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'hvala' })
    // What is kept is the newest part of the history.
    expect(messages.at(-2)!.content).toContain('poruka broj 39')
    expect(messages.some((message) => message.content?.includes('poruka broj 0 '))).toBe(false)
  })

  it('switches itself off for the day when the budget is spent', async () => {
    const llm = await path({ LLM_DAILY_BUDGET_USD: '0.00001', LLM_PRICE_INPUT_PER_MTOK: '1000' })
    fake.script({ content: 'Prvi odgovor.' })
    expect((await llm.run(input('bok'), runtime)).kind).toBe('answer')
    const second = await llm.run(input('bok'), runtime)
    expect(second).toMatchObject({ kind: 'fallback', reason: 'budget' })
    expect(chatRequests()).toHaveLength(1)
  })

  it('offers at most LLM_MAX_TOOLS tools', async () => {
    fake.script({ content: 'U redu.' })
    const many = Array.from({ length: 12 }, (_, index) => ({ ...vehicleTool, id: `get_T${index}` }))
    await (await path()).run(input('nešto', many), runtime)
    expect((chatRequests()[0]!.body.tools as unknown[]).length).toBe(8)
  })

  it('holds a write that comes with reads, and runs none of them before confirmation', async () => {
    fake.script({
      toolCalls: [
        { name: 'get_Vehicles_id', arguments: { id: 'v1' } },
        { name: 'post_AddMileage', arguments: { Value: 1 } },
      ],
    })
    const outcome = await (await path()).run(input('vozilo i km', [vehicleTool, addMileageTool]), runtime)
    expect(outcome.kind).toBe('confirm')
    expect(executed).toHaveLength(0)
  })
})
