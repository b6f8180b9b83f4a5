import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { detectIntent } from '../../../src/dialogue/detect-intent.ts'
import { withLowRiskActions } from '../../../src/dialogue/intents/model-actions.ts'
import { routeMessage } from '../../../src/dialogue/intents/route-message.ts'
import type { Reply } from '../../../src/ports/messages.ts'
import type { SeededDriver } from '../../../src/sandbox/mobilityone/index.ts'
import { CompiledLexicon } from '../../../src/search/compiled-lexicon.ts'
import { CROATIAN_LEXICON, STOPWORDS } from '../../../src/search/lexicon/hr.ts'
import { understandQuery } from '../../../src/search/understand-query.ts'
import {
  createIntentClassifier,
  type IntentClassifier,
} from '../../../src/understanding/create-intent-classifier.ts'
import { readMessage } from '../../../src/understanding/read-message.ts'
import { createDialogueHarness, type DialogueHarness } from '../dialogue/support/dialogue-harness.ts'

/**
 * The ambiguous band in a real conversation: a model trained in-process on a small corpus in
 * which one message is written under two intents (so it is ambiguous by construction, whatever
 * the repository corpus becomes), the real dialogue engine and the simulated tenant. The
 * ambiguous message gets the two likely actions as buttons, and the picked one runs on it.
 */
let h: DialogueHarness
let intents: IntentClassifier
let petra: SeededDriver

const AMBIGUOUS = 'rezervacije za sutra'
// The harness runs without a tool catalogue, so the engine's rule router reads with the lexicon alone.
const lexicon = new CompiledLexicon(CROATIAN_LEXICON, STOPWORDS)
const NO_CATALOGUE = { has: () => false }

const SHARED = [AMBIGUOUS, 'rezervacija za sutra', 'sutrasnje rezervacije']
const CORPUS: Record<string, string[]> = {
  my_bookings: [
    ...SHARED,
    'moje rezervacije',
    'pokazi mi rezervacije',
    'koje rezervacije imam',
    'imam li rezerviran auto',
    'popis mojih rezervacija',
    'kad mi je sljedeca rezervacija',
    'sto sam sve rezervirao',
  ],
  cancel_booking: [
    ...SHARED,
    'otkazi rezervaciju',
    'ne treba mi vise auto, otkazi',
    'storniraj rezervaciju',
    'ponisti moju rezervaciju',
    'makni rezervaciju za petak',
    'odustajem od rezervacije',
    'otkazujem auto',
  ],
  greeting: ['bok', 'dobar dan', 'pozdrav', 'hej', 'dobro jutro'],
  other: ['popis partnera', 'vrste troskova', 'organizacijske jedinice', 'svi centri troska', 'vrste opreme'],
}

beforeAll(async () => {
  const corpusDir = await mkdtemp(join(tmpdir(), 'm1-clarify-corpus-'))
  for (const [intent, examples] of Object.entries(CORPUS))
    await writeFile(join(corpusDir, `${intent}.yaml`), stringify({ intent, examples }))
  intents = await createIntentClassifier({ corpusDir })
  h = await createDialogueHarness(new Date('2026-03-09T08:00:00.000Z'), { intents })
  petra = h.drivers.find((driver) => driver.firstName === 'Petra' && driver.lastName === 'Marić')!
}, 60_000)
afterAll(() => h.close())

const rowsOf = (reply: Reply | undefined) => reply?.list?.sections.flatMap((section) => section.rows) ?? []

describe('clarification in the dialogue', () => {
  it('the message is in the ambiguous band of the model, and the router names neither intent', () => {
    const reading = readMessage(AMBIGUOUS)
    const route = routeMessage(
      withLowRiskActions(intents.classify(reading)),
      detectIntent(understandQuery(reading, lexicon, NO_CATALOGUE)),
    )
    expect(route).toEqual({ kind: 'clarify', intents: ['my_bookings', 'cancel_booking'] })
  })

  it('asks with buttons, and the tapped action runs on the original message', async () => {
    h.sandbox.control.resetCalls()
    const asked = await h.say(petra, AMBIGUOUS)
    const rows = rowsOf(asked.replies[0])
    expect(rows.map((row) => row.title)).toEqual([
      expect.stringMatching(/Moje rezervacije/),
      expect.stringMatching(/Otkazati rezervaciju/),
    ])
    // Asking reads nothing: no booking list before the user chose to see it.
    expect(h.sandbox.control.callCount('GET /vehiclemgt/VehicleCalendar')).toBe(0)

    const listed = await h.say(petra, rows[0]!.title, { kind: 'list-reply', replyId: rows[0]!.id })
    const text = listed.replies.map((reply) => reply.text).join('\n')
    expect(text).toMatch(/rezervacij/i)
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}\./)
    expect(h.sandbox.control.callCount('DELETE /vehiclemgt/VehicleCalendar')).toBe(0)
  })

  it('a typed answer to the question picks the action too', async () => {
    await h.say(petra, AMBIGUOUS)
    const cancelling = await h.say(petra, 'otkazati')
    const text = cancelling.replies.map((reply) => reply.text).join('\n')
    expect(text).toMatch(/Koju rezervaciju želite otkazati|Jeste li sigurni/)
    expect(h.sandbox.control.callCount('DELETE /vehiclemgt/VehicleCalendar')).toBe(0)
  })

  it('a message nothing understands gets a short line and the closest actions, and a pick runs', async () => {
    await h.say(petra, 'odustani')
    h.sandbox.control.resetCalls()
    const fallback = await h.say(petra, 'qwrtz plkj')
    const reply = fallback.replies[0]!
    const rows = rowsOf(reply)
    expect(reply.text.split('\n\n')[0]!.split('\n').length).toBeLessThanOrEqual(2)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(fallback.replies).toHaveLength(1)
    expect(h.sandbox.control.callCount('GET /vehiclemgt/VehicleCalendar')).toBe(0)
    const mine = rows.find((row) => /Moje rezervacije/.test(row.title))!
    const listed = await h.say(petra, mine.title, { kind: 'list-reply', replyId: mine.id })
    expect(listed.replies.map((r) => r.text).join('\n')).toMatch(/\d{2}\.\d{2}\.\d{4}\./)
  })
})
