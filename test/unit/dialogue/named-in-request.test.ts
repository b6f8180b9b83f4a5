import { describe, expect, it } from 'vitest'
import { itemNamedIn } from '../../../src/dialogue/choice/named-in-request.ts'
import { resolveChoice } from '../../../src/dialogue/choice/resolve-choice.ts'
import type { ShownItem } from '../../../src/store/conversation-state.ts'
import { normalizeText } from '../../../src/understanding/entities/normalize-text.ts'

// The simulated tenant's expense types, as the type lookup lists them.
const expenseTypes: ShownItem[] = [
  'Gorivo',
  'Cestarina',
  'Parking',
  'Pranje vozila',
  'Servis i održavanje',
  'Ostalo',
].map((label, index) => ({ kind: 'option', id: String(index + 1), ref: String(index + 1), label }))

const named = (text: string) => {
  const index = itemNamedIn(normalizeText(text), expenseTypes)
  return index === undefined ? undefined : expenseTypes[index]!.label
}

describe('itemNamedIn: the value a whole request names', () => {
  it.each([
    ['natocio sam gorivo za 58,40 eura danas, dodaj to kao trosak', 'Gorivo'],
    ['dodaj trosak gorivo 65 eur danas, za passat', 'Gorivo'],
    ['natočio sam za 60 €, zapiši', 'Gorivo'],
    ['tankao sam 40 litara za 58 eura, upisi', 'Gorivo'],
    ['evo ti računa za benzin od danas', 'Gorivo'],
    ['dizel 42 litre, 63 eura', 'Gorivo'],
    ['račun za goriva od jučer', 'Gorivo'],
    ['zapiši mi cestarinu do Splita, 24,60', 'Cestarina'],
    ['platio sam ENC 12 eura jucer', 'Cestarina'],
    ['trošak autoceste 12,30 €', 'Cestarina'],
    ['unesi mi račun za parking, 4 eura', 'Parking'],
    ['platio sam 5 eura u garazi', 'Parking'],
    ['upisi trosak pranja 10 eura', 'Pranje vozila'],
    ['bio sam na autopraonici, 8 eura', 'Pranje vozila'],
    ['dodaj trošak servisa 120 eura', 'Servis i održavanje'],
    ['popravak brisača 35 eura', 'Servis i održavanje'],
  ])('"%s" names %s', (text, label) => {
    expect(named(text)).toBe(label)
  })

  it.each([
    // Nothing named: the list is shown.
    'dodaj trošak 20 eura',
    'hoću unijeti trošak',
    // Two kinds named: the user chooses.
    'gorivo 72 €, cestarina 31,60 € i parking 9 €',
    // Numbers are amounts, never positions; a vehicle or plate is the vehicle, not a value.
    'dodaj trošak 3 eura',
    'unesi novi trosak za golfa',
    'trošak za ZG-5521-KL 73 eura',
  ])('"%s" names no single item', (text) => {
    expect(named(text)).toBeUndefined()
  })
})

describe('answering the list of expense types', () => {
  const now = new Date('2026-03-09T08:00:00Z')
  const pick = (text: string) => resolveChoice({ text: normalizeText(text), now }, expenseTypes)

  it('takes an everyday word for a listed value', () => {
    expect(pick('benzin')).toMatchObject({ kind: 'picked', item: { label: 'Gorivo' }, by: 'name' })
    expect(pick('ENC')).toMatchObject({ kind: 'picked', item: { label: 'Cestarina' } })
    expect(pick('autopraonica')).toMatchObject({ kind: 'picked', item: { label: 'Pranje vozila' } })
  })

  it('reads "ostalo" as the item called so, and as the next page only where none is', () => {
    expect(pick('ostalo')).toMatchObject({ kind: 'picked', item: { label: 'Ostalo' } })
    expect(resolveChoice({ text: normalizeText('ostalo'), now }, expenseTypes.slice(0, 5))).toEqual({
      kind: 'more',
    })
  })
})
