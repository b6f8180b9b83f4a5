import { describe, expect, it } from 'vitest'
import { replyToUnclear, takeAskedPlainly } from '../../../src/dialogue/answers/ask-again.ts'
import { readAddition } from '../../../src/dialogue/answers/read-addition.ts'
import { isQuestion, readSlotMessage } from '../../../src/dialogue/answers/read-slot-edit.ts'
import { readWriteAnswer, type WriteConfirmRule } from '../../../src/dialogue/answers/read-write-answer.ts'
import { CONFIRM_NO_ID, CONFIRM_YES_ID } from '../../../src/dialogue/texts/common-texts.ts'
import { CONFIRM_CORRECTION_ID } from '../../../src/dialogue/texts/confirm-texts.ts'
import { newConversationState } from '../../../src/store/conversation-state.ts'
import { detectConfirmation } from '../../../src/understanding/entities/detect-confirmation.ts'
import { normalizeText } from '../../../src/understanding/entities/normalize-text.ts'

const read = (text: string) => readSlotMessage(normalizeText(text))

describe('slot edits and side questions', () => {
  it.each([
    'a je li to auto sad slobodno?',
    'je li to auto sad slobodno',
    'koliko košta?',
    'koliko je sad sati',
    'ima li koji slobodan danas?',
    'a danas?',
    'kad ga moram vratiti',
    'može li netko drugi voziti sad?',
  ])('"%s" is a question, never an edit', (text) => {
    expect(read(text).kind).toBe('question')
  })

  it.each([
    ['ne, od 10', 'ne, od 10'],
    ['ipak do 15', 'ipak do 15'],
    ['može od 9', 'moze od 9'],
    ['od 10h', 'od 10h'],
    ['može li od 9?', 'moze li od 9?'],
    ['je li moguće do 15?', 'je li moguce do 15?'],
    ['ne sutra nego prekosutra', ' prekosutra'],
    ['ne u petak, već u subotu', ' u subotu'],
    ['prekosutra umjesto sutra', 'prekosutra '],
    ['ipak u petak molim', 'ipak u petak molim'],
    ['ne, od 10 jer kasnim', 'ne, od 10 jer kasnim'],
    ['danas', 'danas'],
    ['ne, od sad', 'ne, od sad'],
    // Verbs of changing a period are edit markers; a whole new range survives an apology.
    ['aj produži do 14h', 'aj produzi do 14h'],
    ['skrati do 12', 'skrati do 12'],
    ['krivo sam rekla, stavi od 10 do 13', 'krivo sam rekla, stavi od 10 do 13'],
  ])('"%s" is an edit naming %j', (text, value) => {
    expect(read(text)).toEqual({ kind: 'edit', valueText: value })
  })

  it.each([
    'ne, sad sam vidio da je auto prljav',
    'u 9 imam sastanak pa ću kasniti',
    'hvala',
    'da',
    'super, baš ono što trebam',
  ])('"%s" is neither', (text) => {
    expect(read(text).kind).toBe('other')
  })

  it('tells a value-only question apart (an answer when a value is asked for)', () => {
    expect(read('u 10?')).toEqual({ kind: 'question', valueOnly: true, explicit: true })
    // "sad" and "danas" name no value by themselves: a picker does not re-run on "a danas?".
    expect(read('a danas?')).toEqual({ kind: 'question', valueOnly: true, explicit: false })
    expect(read('a je li slobodan u 10?')).toEqual({ kind: 'question', valueOnly: false })
    expect(isQuestion(normalizeText('ima li li'))).toBe(true)
    expect(isQuestion(normalizeText('od 10'))).toBe(false)
  })
})

const booking: WriteConfirmRule = { question: 'da rezerviram Fabia (ZD-1215-E)' }
const report: WriteConfirmRule = { question: 'da pošaljem prijavu' }
const rollback: WriteConfirmRule = { correction: true, question: 'da upišem 450 km' }

function answer(text: string, rule: WriteConfirmRule, replyId?: string) {
  const normalized = normalizeText(text)
  return readWriteAnswer(normalized, replyId, detectConfirmation(normalized), rule)
}

describe('additions to a report being confirmed', () => {
  it.each([
    ['zapravo dodaj i da radio ne radi', 'radio ne radi'],
    ['dodaj: ogrebotina i na braniku', 'ogrebotina i na braniku'],
    ['e dopiši još da curi ulje', 'curi ulje'],
    ['Dodaj da je Staklo napuklo', 'je Staklo napuklo'],
    ['i još je napuknut branik ispod', 'još je napuknut branik ispod'],
    ['također curi ulje ispod motora', 'također curi ulje ispod motora'],
  ])('"%s" adds %j', (text, addition) => {
    expect(readAddition(normalizeText(text))).toBe(addition)
  })

  it.each(['da', 'dodaj', 'ne radi mi radio', 'zapravo ne', 'koliko imam km', 'i još'])(
    '"%s" adds nothing',
    (text) => {
      expect(readAddition(normalizeText(text))).toBeUndefined()
    },
  )
})

describe('a write needs a clear yes', () => {
  it.each([
    'da',
    'Da.',
    'može',
    'ok',
    'u redu',
    'da, hvala',
    'može, hvala lijepa',
    'da, rezerviraj',
    'da da',
    'ma da, samo naprijed',
    'potvrđujem',
    'yes',
  ])('"%s" is consent', (text) => {
    expect(answer(text, booking)).toBe('yes')
    expect(answer(text, report)).toBe('yes')
  })

  it.each([
    'hm',
    'hmm',
    'možda',
    'valjda',
    'ok vidjet ću',
    'da, ali ne znam',
    'ne znam',
    'mislim da da',
    'čekaj malo',
    'da ne',
    'ok, a ne',
    'može, ali pitat ću šefa',
  ])('"%s" is not consent: asked again', (text) => {
    expect(answer(text, booking)).toBe('unclear')
  })

  it.each(['ne', 'ne, hvala', 'nemoj', 'ne može', 'ne, ne želim', 'odustani'])('"%s" declines', (text) => {
    expect(answer(text, booking)).toBe('no')
  })

  it('leaves edits and questions to the engine', () => {
    expect(answer('ne, od 10', booking)).toBe('none')
    expect(answer('je li auto čist?', booking)).toBe('none')
    expect(answer('moje rezervacije', booking)).toBe('none')
    // Edits that open with a yes are read as edits first by the engine (absorb), then as unclear.
    expect(answer('može od 9', booking)).toBe('unclear')
  })

  it('emoji are never consent to a write, a lone 👍 included; 👎 and ❌ decline', () => {
    expect(answer('👍', booking)).toBe('unclear')
    expect(answer('👍🏼', booking)).toBe('unclear')
    expect(answer('✅', booking)).toBe('unclear')
    expect(answer('👍', report)).toBe('unclear')
    expect(answer('👍👍', booking)).toBe('unclear')
    expect(answer('👍😀🚗', booking)).toBe('unclear')
    expect(answer('🚗', booking)).toBe('unclear')
    expect(answer('👎', report)).toBe('no')
    expect(answer('❌❌', report)).toBe('no')
    expect(answer('👍👎', booking)).toBe('unclear')
  })

  it('buttons', () => {
    expect(answer('Da', report, CONFIRM_YES_ID)).toBe('yes')
    expect(answer('Ne', report, CONFIRM_NO_ID)).toBe('no')
  })

  it('a rollback needs the correction word, not a plain da', () => {
    expect(answer('da', rollback)).toBe('needs-correction')
    expect(answer('Da', rollback, CONFIRM_YES_ID)).toBe('needs-correction')
    expect(answer('👍', rollback)).toBe('unclear')
    expect(answer('da, ispravak', rollback)).toBe('yes')
    expect(answer('ispravak', rollback)).toBe('yes')
    expect(answer('Ispravak', rollback, CONFIRM_CORRECTION_ID)).toBe('yes')
    expect(answer('ne, nije ispravak', rollback)).toBe('none')
    expect(answer('ne', rollback)).toBe('no')
  })
})

describe('asking again', () => {
  it('asks plainly once naming the write, then drops it', () => {
    const state = newConversationState(0)
    state.state = 'awaiting-confirmation'
    state.flow = 'booking'
    const first = replyToUnclear(state, booking, 'unclear', takeAskedPlainly(state), 1)
    expect(first[0]!.text).toBe(
      'Trebam jasan odgovor: da rezerviram Fabia (ZD-1215-E)? Odgovorite s *Da* ili *Ne*.',
    )
    expect(first[0]!.buttons?.map((button) => button.title)).toEqual(['Da', 'Ne'])
    expect(state.state).toBe('awaiting-confirmation')
    const second = replyToUnclear(state, booking, 'unclear', takeAskedPlainly(state), 2)
    expect(second[0]!.text).toContain('ništa ne mijenjam')
    expect(state.state).toBe('idle')
  })

  it('an answer in between resets the count', () => {
    const state = newConversationState(0)
    state.state = 'awaiting-confirmation'
    replyToUnclear(state, booking, 'unclear', takeAskedPlainly(state), 1)
    expect(takeAskedPlainly(state)).toBe(true)
    // The engine took the flag on a turn that was an edit: the next unclear answer asks again.
    const again = replyToUnclear(state, booking, 'unclear', takeAskedPlainly(state), 3)
    expect(again[0]!.text).toContain('Trebam jasan odgovor')
  })

  it('a rollback explains the correction it needs, with the correction button', () => {
    const state = newConversationState(0)
    const reply = replyToUnclear(state, rollback, 'needs-correction', false, 1)
    expect(reply[0]!.text).toContain('*ispravak*')
    expect(reply[0]!.buttons?.map((button) => button.id)).toEqual([CONFIRM_CORRECTION_ID, CONFIRM_NO_ID])
  })
})
