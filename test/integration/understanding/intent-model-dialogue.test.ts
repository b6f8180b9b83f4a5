import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SeededDriver } from '../../../src/sandbox/mobilityone/index.ts'
import { createIntentClassifier } from '../../../src/understanding/create-intent-classifier.ts'
import { createDialogueHarness, type DialogueHarness } from '../dialogue/support/dialogue-harness.ts'

/** The trained model in the real dialogue, against the simulated tenant. */
let h: DialogueHarness
let ivan: SeededDriver

beforeAll(async () => {
  const intents = await createIntentClassifier()
  h = await createDialogueHarness(new Date('2026-03-09T08:00:00.000Z'), { intents })
  ivan = h.drivers.find((driver) => driver.firstName === 'Ivan' && driver.lastName === 'Horvat')!
}, 60_000)
afterAll(() => h.close())

const text = (result: { replies: { text: string }[] }) => result.replies.map((reply) => reply.text).join('\n')

describe('understanding in the dialogue', () => {
  it('acts at once on a confident driver message, and answers no-tool kinds without an API call', async () => {
    expect(text(await h.say(ivan, 'ajde mi javi stanje brojila na mojoj kanti'))).toMatch(/45\.231 km/)
    h.sandbox.control.resetCalls()
    expect(text(await h.say(ivan, 'jesi ti bot ili covjek'))).toContain('AI asistent')
    expect(text(await h.say(ivan, 'koja je prognoza za vikend'))).toContain('ne mogu pomoći')
    expect(h.sandbox.control.callCount()).toBe(0)
  })
})
