import { describe, expect, it } from 'vitest'
import { focusRead } from '../../../src/dialogue/flows/focus-read.ts'
import { normalizeText } from '../../../src/understanding/entities/normalize-text.ts'

const leasing = [
  'Ugovor za *Škoda Octavia (ZG-5521-KL)*:',
  'Leasing kuća: Porsche Leasing',
  'Početak ugovora: 09.07.2024.',
  'Kraj ugovora: 08.07.2028.',
  'Mjesečna rata: 442,04 EUR',
  'Ograničenje kilometraže: 100.000 km',
].join('\n')
const due = ['Rokovi za *Škoda Octavia*:', '• Registracija: 08.07.2026.', '• Servis: 01.04.2026.'].join('\n')

const focus = (answer: string, question: string) => focusRead(answer, normalizeText(question))

describe('focusRead', () => {
  it.each([
    ['a do kad traje ugovor?', 'Kraj ugovora: 08.07.2028.'],
    ['i kolka je mjesecna rata', 'Mjesečna rata: 442,04 EUR'],
    ['a limit km?', 'Ograničenje kilometraže: 100.000 km'],
  ])('"%s" gets the title and %j', (question, line) => {
    expect(focus(leasing, question)).toBe(`Ugovor za *Škoda Octavia (ZG-5521-KL)*:\n${line}`)
  })

  it('finds a line by its own label words (a due date by the activity it names)', () => {
    expect(focus(due, 'a servis?')).toBe('Rokovi za *Škoda Octavia*:\n• Servis: 01.04.2026.')
  })

  it('keeps the whole answer when the question names no line, or every line', () => {
    expect(focus(leasing, 'a to?')).toBe(leasing)
    expect(focus(due, 'registracija i servis')).toBe(due)
  })
})
