import { describe, expect, it } from 'vitest'
import { avoidRepeat } from '../../../src/dialogue/avoid-repeat.ts'
import { nameKey } from '../../../src/dialogue/choice/name-key.ts'

describe('avoidRepeat', () => {
  const question = { text: 'Za koji dan trebate vozilo?' }

  it('never sends the same question twice in a row, and the third time offers the way out', () => {
    const second = avoidRepeat(question, [question])
    expect(second[0]!.text).not.toBe(question.text)
    expect(second[0]!.text).toContain(question.text)
    const third = avoidRepeat(second[0], [question])
    expect(third[0]!.text).not.toBe(second[0]!.text)
    expect(third[0]!.text).toContain('odustani')
  })

  it('leaves a different reply, or an answer followed by the question, as it is', () => {
    expect(avoidRepeat(question, [{ text: 'Od koliko sati?' }])).toEqual([{ text: 'Od koliko sati?' }])
    const answered = [{ text: '45.231 km' }, question]
    expect(avoidRepeat(question, answered)).toBe(answered)
  })
})

describe('nameKey', () => {
  it.each([
    ['octaviju', 'octavia'],
    ['oktavija', 'octavia'],
    ['golfom', 'golf'],
    ['golfic', 'golf'],
    ['passatu', 'passat'],
    ['korola', 'corolla'],
    ['skodi', 'skoda'],
  ])('%s and %s meet', (written, name) => expect(nameKey(written)).toBe(nameKey(name)))

  it('keeps model numbers whole and leaves short words alone', () => {
    expect(nameKey('308')).toBe('308')
    expect(nameKey('rav4')).toBe('rav4')
    expect(nameKey('kada')).not.toBe(nameKey('caddy'))
  })
})
