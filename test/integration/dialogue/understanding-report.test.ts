import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SeededDriver } from '../../../src/sandbox/mobilityone/index.ts'
import type { IntentClassification } from '../../../src/understanding/create-intent-classifier.ts'
import { createDialogueHarness, type DialogueHarness } from './support/dialogue-harness.ts'
import { act, scriptedIntents } from './support/scripted-model.ts'

/** A scripted model: each message's reading is fixed, so the test is about what the engine reports. */
const READINGS: Record<string, IntentClassification> = {
  'koliko imam km': act('vehicle_mileage', 0.97),
  bok: act('greeting', 0.99),
  krivo: act('complaint', 0.96),
  'upiši kilometražu': act('record_mileage', 0.94),
  'ono s autom': {
    ranking: [
      { intent: 'vehicle_mileage', p: 0.5 },
      { intent: 'record_mileage', p: 0.46 },
      { intent: 'other', p: 0.04 },
    ],
    decision: {
      kind: 'clarify',
      candidates: [
        { intent: 'vehicle_mileage', p: 0.5 },
        { intent: 'record_mileage', p: 0.46 },
      ],
    },
  },
  'qwx vbn': {
    ranking: [
      { intent: 'other', p: 0.41 },
      { intent: 'help', p: 0.3 },
    ],
    decision: { kind: 'fallback', reason: 'low-confidence' },
  },
}

let h: DialogueHarness
let ivan: SeededDriver

beforeAll(async () => {
  h = await createDialogueHarness(new Date('2026-03-09T08:00:00.000Z'), {
    intents: scriptedIntents(READINGS, READINGS['qwx vbn']!),
  })
  ivan = h.drivers.find((driver) => driver.firstName === 'Ivan' && driver.lastName === 'Horvat')!
}, 60_000)
afterAll(() => h.close())
// Each test starts idle, whatever the previous one left open.
beforeEach(async () => {
  await h.say(ivan, 'odustani')
})

describe('what the engine reports about understanding', () => {
  it('reports act, no-tool, clarify and fallback with the top intent and its confidence', async () => {
    expect((await h.say(ivan, 'koliko imam km')).understanding).toEqual({
      decision: 'act',
      intent: 'vehicle_mileage',
      confidence: 0.97,
    })
    expect((await h.say(ivan, 'bok')).understanding).toEqual({
      decision: 'no-tool',
      intent: 'greeting',
      confidence: 0.99,
    })
    const clarified = await h.say(ivan, 'ono s autom')
    expect(clarified.understanding).toEqual({
      decision: 'clarify',
      intent: 'vehicle_mileage',
      confidence: 0.5,
    })
    expect(clarified.replies.at(-1)!.text).toContain('Vidjeti kilometražu vozila')
    expect(clarified.replies.at(-1)!.text).toContain('Upisati novu kilometražu')
    // The pick is the user's choice, not a reading of the model.
    const picked = await h.say(ivan, '1')
    expect(picked.understanding).toBeUndefined()
    expect((await h.say(ivan, 'qwx vbn')).understanding).toEqual({
      decision: 'fallback',
      intent: 'other',
      confidence: 0.41,
    })
  })

  it('a "krivo" names the message it is about and how that was read', async () => {
    const asked = await h.say(ivan, 'koliko imam km')
    expect(asked.replies[0]!.text).toContain('km')
    const feedbackBefore = h.feedback.length
    const complaint = await h.say(ivan, 'krivo')
    expect(complaint.flagged).toEqual({
      messageId: expect.stringMatching(/^m\d+$/),
      understanding: { decision: 'act', intent: 'vehicle_mileage', confidence: 0.97 },
    })
    const report = h.feedback[feedbackBefore]!
    expect(report).toMatchObject({ decision: 'act', intent: 'vehicle_mileage' })
    expect(report.messageId).toBe(complaint.flagged!.messageId)
    expect(report.question).toBe('koliko imam km')
  })

  it('a "krivo" after a finished flow is about the message that opened it', async () => {
    const opened = await h.say(ivan, 'upiši kilometražu')
    expect(opened.understanding?.decision).toBe('act')
    const before = h.feedback.length
    const value = await h.say(ivan, '45500')
    expect(value.understanding).toBeUndefined()
    await h.say(ivan, 'da')
    const complaint = await h.say(ivan, 'krivo')
    expect(complaint.flagged?.understanding).toMatchObject({ decision: 'act', intent: 'record_mileage' })
    expect(h.feedback[before]).toMatchObject({ question: 'upiši kilometražu', intent: 'record_mileage' })
  })
})
