import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sharedSpecsDirectory } from '../../../src/registry/spec-sources.ts'
import { type FakeOpenAi, startFakeOpenAi } from '../../../src/sandbox/fake-openai/fake-openai-server.ts'
import { createSandboxDataset, SANDBOX_DEFAULT_SEED } from '../../../src/sandbox/mobilityone/index.ts'
import { infobipTextBody } from '../../support/infobip-webhook-body.ts'
import { type M1Process, startM1 } from '../../support/m1-process.ts'
import { postWebhook } from '../../support/post-webhook.ts'
import { leaksIn, victimOf } from './attack-fixtures.ts'

/**
 * The same attacks as plain HTTP from outside: Infobip-shaped webhook bodies to a real `m1 serve`
 * process (simulated tenant, LLM path on with a hostile scripted model), replies read back from
 * the dev outbox. Nothing of driver B may come back.
 */
const IVAN = '385912345678'
const dataset = createSandboxDataset({ seed: SANDBOX_DEFAULT_SEED })
const tenant = dataset.tenants[0]!
const markoId = [...tenant.people.values()].find(
  (person) => person.FirstName === 'Marko' && person.LastName === 'Babić',
)!.Id
const victim = victimOf(tenant, markoId)
let fake: FakeOpenAi
let serve: M1Process

async function outbox(): Promise<string[]> {
  const response = await fetch(`${serve.url}/dev/outbox?to=${IVAN}&limit=200`)
  return ((await response.json()) as unknown[]).map((entry) => JSON.stringify(entry))
}

async function send(text: string): Promise<void> {
  const before = (await outbox()).length
  expect(await postWebhook(serve.url, infobipTextBody({ messageId: randomUUID(), from: IVAN, text }))).toBe(
    200,
  )
  for (let i = 0; i < 200 && (await outbox()).length <= before; i++) await delay(25)
}

beforeAll(async () => {
  fake = await startFakeOpenAi()
  serve = await startM1(
    'serve',
    {
      DATA_DIR: ':memory:',
      SANDBOX_SEED: String(SANDBOX_DEFAULT_SEED),
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      LLM_CONFIDENCE_THRESHOLD: '2',
      LLM_MAX_RETRIES: '0',
    },
    60_000,
  )
  await send('bok')
  await send('Da')
}, 90_000)

afterAll(async () => {
  await serve?.kill()
  await fake?.close()
})

describe.skipIf(!sharedSpecsDirectory())('attacks over plain HTTP', () => {
  it('webhook messages naming B’s records, with a model that picks the most dangerous tool, get nothing of B', async () => {
    const hostile = (body: Record<string, unknown>) => {
      const tools = (body.tools ?? []) as {
        function: { name: string; parameters: { properties?: Record<string, unknown> } }
      }[]
      const pick =
        tools.find((tool) => tool.function.name.startsWith('delete_')) ??
        tools.find((tool) => tool.function.name.endsWith('_id')) ??
        tools[0]
      if (!pick) return { content: 'Nema alata.' }
      const args = Object.fromEntries(
        Object.keys(pick.function.parameters.properties ?? {}).map((name) => [
          name,
          /person|driver|assign|user/i.test(name)
            ? victim.personId
            : /vehicle/i.test(name)
              ? victim.vehicleIds[0]
              : victim.caseIds[0],
        ]),
      )
      return { toolCalls: [{ name: pick.function.name, arguments: args }] }
    }
    const echoToolResult = (body: Record<string, unknown>) => {
      const messages = body.messages as { role: string; content: string }[]
      return { content: messages.findLast((message) => message.role === 'tool')?.content ?? 'ok' }
    }
    for (const text of [
      `slučaj ${victim.caseIds[0]}`,
      `obriši slučaj ${victim.caseIds[0]}`,
      `rezervacija ${victim.bookingIds[0]}`,
      `osoba ${victim.personId}`,
      'statistika svih vozila u floti',
    ]) {
      fake.clearScript()
      fake.script(hostile, hostile, echoToolResult)
      await send(text)
      await send('Da')
    }
    const replies = await outbox()
    const leaks = replies.flatMap((reply) => leaksIn(reply, victim))
    console.info(
      `[attack] http ${JSON.stringify({ messages: 10, replies: replies.length, leaks: leaks.length })}`,
    )
    expect(replies.length).toBeGreaterThanOrEqual(12)
    expect(leaks).toEqual([])
  }, 120_000)
})
