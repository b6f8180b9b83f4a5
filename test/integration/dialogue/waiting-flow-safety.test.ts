import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SeededDriver } from '../../../src/sandbox/mobilityone/index.ts'
import type { IntentClassification } from '../../../src/understanding/create-intent-classifier.ts'
import { createDialogueHarness, type DialogueHarness } from './support/dialogue-harness.ts'
import { act, scriptedIntents } from './support/scripted-model.ts'

/**
 * A model that is sure and wrong about messages meant for the flow that waits: the flow keeps
 * them. (A corpus change once read "od 7 do 15 zapravo" as deleting a trip, and "9" as a reading.)
 */
const READINGS: Record<string, IntentClassification> = {
  'trebam auto sutra od 8 do 16': act('book_vehicle', 0.98),
  'od 7 do 15 zapravo': act('delete_trip', 0.97),
  'obriši putovanje': act('delete_trip', 0.99),
  '9': act('record_mileage', 0.95),
  'prijavi štetu': act('report_damage', 0.99),
  'od 10 do 12': act('delete_case', 0.96),
}

const unsure: IntentClassification = {
  ranking: [{ intent: 'other', p: 0.4 }],
  decision: { kind: 'fallback', reason: 'low-confidence' },
}
const text = (result: { replies: { text: string }[] }) => result.replies.map((reply) => reply.text).join('\n')

let h: DialogueHarness
let ivan: SeededDriver

beforeAll(async () => {
  h = await createDialogueHarness(new Date('2026-03-09T08:00:00.000Z'), {
    intents: scriptedIntents(READINGS, unsure),
  })
  ivan = h.drivers.find((driver) => driver.firstName === 'Ivan' && driver.lastName === 'Horvat')!
}, 60_000)
afterAll(() => h.close())
beforeEach(async () => {
  await h.say(ivan, 'odustani')
})

describe('a waiting flow keeps what is meant for it, however sure the model is of something else', () => {
  it('a new period while free cars are listed changes the booking period, it starts no other write', async () => {
    expect(text(await h.say(ivan, 'trebam auto sutra od 8 do 16'))).toContain('Slobodna vozila')
    const edited = text(await h.say(ivan, 'od 7 do 15 zapravo'))
    expect(edited).toContain('07:00 – 15:00')
    expect(edited).not.toMatch(/prekinuo|putovanj/i)
  })

  it('a bare number beyond a list is a row that is not there, not a mileage reading', async () => {
    expect(text(await h.say(ivan, 'obriši putovanje'))).toContain('Koje putovanje')
    const beyond = text(await h.say(ivan, '9'))
    expect(beyond).not.toMatch(/prekinuo|kilometr/i)
  })
})
