import { describe, expect, it } from 'vitest'
import { type ChoiceInput, resolveChoice } from '../../../src/dialogue/choice/resolve-choice.ts'
import type { ShownItem } from '../../../src/store/conversation-state.ts'
import { normalizeText } from '../../../src/understanding/entities/normalize-text.ts'

// Monday 09.03.2026. 09:00 in Zagreb, as in the scenarios.
const now = new Date('2026-03-09T08:00:00Z')

const vehicles: ShownItem[] = [
  {
    kind: 'vehicle',
    id: 'passat',
    label: 'Volkswagen Passat Variant 2.0 TDI (ZG-1234-AB)',
    plate: 'ZG-1234-AB',
    vin: 'WVWZZZ3CZWE123456',
  },
  { kind: 'vehicle', id: 'corolla', label: 'Toyota Corolla 1.8 Hybrid (ST-782-CD)', plate: 'ST-782-CD' },
  { kind: 'vehicle', id: 'octavia', label: 'Škoda Octavia Style 2.0 TDI (ZG-5521-KL)', plate: 'ZG-5521-KL' },
  { kind: 'vehicle', id: 'golf', label: 'Volkswagen Golf 1.5 TSI Life (ZG-3307-TD)', plate: 'ZG-3307-TD' },
  { kind: 'vehicle', id: '308', label: 'Peugeot 308 1.5 BlueHDi (ZG-6612-PR)', plate: 'ZG-6612-PR' },
  { kind: 'vehicle', id: 'caddy', label: 'Volkswagen Caddy Cargo 2.0 TDI (ZG-2218-VC)', plate: 'ZG-2218-VC' },
]
const free: ShownItem[] = [
  { kind: 'free-vehicle', id: 'astra-1', label: 'Opel Astra 1.5 D (PU-2872-AC)', plate: 'PU-2872-AC' },
  {
    kind: 'free-vehicle',
    id: 'octavia-1',
    label: 'Škoda Octavia Style 2.0 TDI (ZG-2729-NI)',
    plate: 'ZG-2729-NI',
  },
  { kind: 'free-vehicle', id: 'fabia', label: 'Škoda Fabia 1.0 TSI (ZD-1215-E)', plate: 'ZD-1215-E' },
  { kind: 'free-vehicle', id: 'astra-2', label: 'Opel Astra 1.5 D (KA-4676-MB)', plate: 'KA-4676-MB' },
  { kind: 'free-vehicle', id: 'clio', label: 'Renault Clio 1.0 TCe (ZG-7352-L)', plate: 'ZG-7352-L' },
]
// Upcoming bookings, soonest first (the order the list states).
const bookings: ShownItem[] = [
  {
    kind: 'booking',
    id: '26',
    ref: '26',
    label: '11.03.2026. 08:00 – 13:00, Dacia Duster (ZG-1990-UK), br. 26',
    plate: 'ZG-1990-UK',
    from: '2026-03-11T08:00',
    to: '2026-03-11T13:00',
  },
  {
    kind: 'booking',
    id: '2',
    ref: '2',
    label: '11.03.2026. 09:00 – 17:00, Toyota RAV4 (KA-7851-DM), br. 2',
    plate: 'KA-7851-DM',
    from: '2026-03-11T09:00',
    to: '2026-03-11T17:00',
  },
  {
    kind: 'booking',
    id: '41',
    ref: '41',
    label: '16.03.2026. 10:00 – 12:00, Opel Astra (PU-2872-AC), br. 41',
    plate: 'PU-2872-AC',
    from: '2026-03-16T10:00',
    to: '2026-03-16T12:00',
  },
  {
    kind: 'booking',
    id: '3',
    ref: '3',
    label: '16.12.2026. 09:00 – 12:00, Opel Astra (KA-4676-MB), br. 3',
    plate: 'KA-4676-MB',
    from: '2026-12-16T09:00',
    to: '2026-12-16T12:00',
  },
]
const cases: ShownItem[] = [
  {
    kind: 'case',
    id: '13',
    ref: '13',
    label: '#13 Izgubljena kartica za gorivo, 05.02.2026., Zatvoren',
    from: '2026-02-05T15:28',
  },
  {
    kind: 'case',
    id: '18',
    ref: '18',
    label: '#18 Nedostaje prva pomoć, 02.02.2026., Otvoren',
    from: '2026-02-02T08:55',
  },
  {
    kind: 'case',
    id: '7',
    ref: '7',
    label: '#7 Problem s kočnicama, 01.02.2026., Zatvoren',
    from: '2026-02-01T10:11',
  },
]

function resolve(text: string, items: readonly ShownItem[], options: Partial<ChoiceInput> = {}) {
  return resolveChoice({ text: normalizeText(text), now, ...options }, items)
}
function pick(text: string, items: readonly ShownItem[], options: Partial<ChoiceInput> = {}): string {
  const result = resolve(text, items, options)
  if (result.kind === 'picked') return result.item.id
  if (result.kind === 'several') return `several:${result.indexes.map((index) => items[index]!.id).join(',')}`
  if (result.kind === 'missing') return `missing:${result.said.map((said) => said.kind).join(',')}`
  return result.kind
}

describe('resolveChoice: number and ordinal over the stated order', () => {
  it.each([
    ['2', 'corolla'],
    ['drugi', 'corolla'],
    ['3.', 'octavia'],
    ['broj 2', 'corolla'],
    ['uzmi 4 molim', 'golf'],
    ['zadnji', 'caddy'],
    ['predzadnji', '308'],
  ])('%s -> %s', (text, expected) => expect(pick(text, vehicles)).toBe(expected))

  it('counts "zadnju" from the last item the user has seen', () => {
    expect(pick('zadnju', vehicles, { visible: 3 })).toBe('octavia')
  })

  it('takes bookings in the order the list states (soonest first)', () => {
    expect(pick('prvu', bookings)).toBe('26')
    expect(pick('drugu', bookings)).toBe('2')
    expect(pick('zadnju', bookings)).toBe('3')
  })

  it('takes a tapped row by its position', () => {
    expect(pick('Toyota', vehicles, { replyId: 'pick:3' })).toBe('octavia')
  })

  it('reports a position beyond the list', () => {
    expect(pick('7', vehicles)).toBe('missing:position')
  })
})

describe('resolveChoice: names with inflection, typos and nicknames', () => {
  it.each([
    ['passat', 'passat'],
    ['na passatu', 'passat'],
    ['pasat', 'passat'],
    ['s corollom', 'corolla'],
    ['korola', 'corolla'],
    ['octaviju', 'octavia'],
    ['oktavija', 'octavia'],
    ['na škodi', 'octavia'],
    ['na skodi', 'octavia'],
    ['s golfom', 'golf'],
    ['golfić', 'golf'],
    ['golfa', 'golf'],
    ['pežo', '308'],
    ['308', '308'],
    ['kedi', 'caddy'],
    ['caddyjem', 'caddy'],
    ['toyotu', 'corolla'],
    ['tojota', 'corolla'],
  ])('%s -> %s', (text, expected) => expect(pick(text, vehicles)).toBe(expected))

  it.each([
    ['fabiju', 'fabia'],
    ['s fabijom', 'fabia'],
    ['ipak uzmi fabiu', 'fabia'],
    ['s fabiom', 'fabia'],
    ['clio', 'clio'],
    ['reno', 'clio'],
    ['octaviju', 'octavia-1'],
  ])('free cars: %s -> %s', (text, expected) => expect(pick(text, free)).toBe(expected))

  it('asks which when a name fits several, offering only those', () => {
    expect(pick('astru', free)).toBe('several:astra-1,astra-2')
    expect(pick('škodu', free)).toBe('several:octavia-1,fabia')
    expect(pick('vw', vehicles)).toBe('several:passat,golf,caddy')
  })

  it('narrows several by an ordinal among them or by another word', () => {
    expect(pick('drugu astru', free)).toBe('astra-2')
    expect(pick('škoda fabia', free)).toBe('fabia')
  })

  it('says a vehicle name that is not listed instead of choosing another car', () => {
    expect(pick('mercedes', free)).toBe('missing:name')
    expect(pick('škoda superb', free)).toBe('missing:name')
    expect(pick('passat', free)).toBe('missing:name')
  })
})

describe('resolveChoice: plates, VINs and shown numbers', () => {
  it.each([
    ['ZG-1234-AB', 'passat'],
    ['zg 1234 ab', 'passat'],
    ['zg1234ab', 'passat'],
    ['ZG 1234-AB', 'passat'],
    ['st782cd', 'corolla'],
    ['onaj 5521', 'octavia'],
    ['WVWZZZ3CZWE123456', 'passat'],
  ])('%s -> %s', (text, expected) => expect(pick(text, vehicles)).toBe(expected))

  it('reports a full plate that is not listed', () => {
    expect(pick('ZG-9999-XX', vehicles)).toBe('missing:plate')
  })

  it('takes the ids the assistant printed', () => {
    expect(pick('rezervaciju broj 41', bookings)).toBe('41')
    expect(pick('otkaži #41', bookings)).toBe('41')
    expect(pick('41', bookings)).toBe('41')
    expect(pick('slučaj 18', cases)).toBe('18')
  })

  it('reports an id that is not among the items', () => {
    expect(pick('rezervaciju broj 57', bookings)).toBe('missing:ref')
    expect(pick('#99', cases)).toBe('missing:ref')
  })
})

describe('resolveChoice: dates and times', () => {
  it.each([
    ['onu od 10', '41'],
    ['za ponedjeljak', '41'],
    ['16.12.', '3'],
    ['onu 16.12. u 9', '3'],
    ['onu do 17', '2'],
    ['11.3. u 8', '26'],
    ['onu u 9 u srijedu', '2'],
  ])('%s -> %s', (text, expected) => expect(pick(text, bookings)).toBe(expected))

  it('asks which when a day has several', () => {
    expect(pick('onu u srijedu', bookings)).toBe('several:26,2')
    expect(pick('u 9', bookings)).toBe('several:2,3')
  })

  it('says a date that matches nothing, and never falls back to a position', () => {
    expect(pick('18.12.', bookings)).toBe('missing:date')
    expect(pick('otkaži prvu rezervaciju za 18.12.', bookings)).toBe('missing:date')
    expect(pick('onu od 15', bookings)).toBe('missing:date')
  })

  it('needs every explicit value to hold: the plate and the date', () => {
    expect(pick('PU-2872-AC 16.3.', bookings)).toBe('41')
    expect(pick('PU-2872-AC 11.3.', bookings)).toBe('missing:plate,date')
  })

  it('takes a date of a past record ignoring the year', () => {
    expect(pick('onaj od 5.2.', cases)).toBe('13')
  })
})

describe('resolveChoice: any, yes, more and leaving', () => {
  it.each(['bilo koji', 'svejedno', 'nije bitno', 'koji god'])('%s -> the first', (text) => {
    expect(pick(text, free)).toBe('astra-1')
  })

  it('"da" picks the only item, never one of several', () => {
    expect(pick('da', free.slice(2, 3))).toBe('fabia')
    expect(pick('da', free)).toBe('none')
  })

  it.each(['pokaži još', 'ostala', 'dalje', 'ima li još'])('%s -> more', (text) => {
    expect(pick(text, free)).toBe('more')
  })

  it.each(['ne', 'ipak ne', 'pusti', 'nijedno', 'ne hvala', 'ok hvala, ništa zasad', 'ne trebam'])(
    '%s -> leave',
    (text) => {
      expect(pick(text, free)).toBe('leave')
    },
  )

  it('reads "ne, onu od 10" as a choice, not as leaving', () => {
    expect(pick('ne, onu od 10', bookings)).toBe('41')
  })

  it('marks an ordinal inside a sentence about something else as loose, a bare one not', () => {
    const inSentence = resolve('aj prvo mi reci koliko imam km', free)
    expect(inSentence).toMatchObject({ kind: 'picked', by: 'position', loose: true })
    expect(resolve('drugi molim', free)).toMatchObject({ kind: 'picked', by: 'position', loose: false })
    expect(resolve('ajde taj prvi', free)).toMatchObject({ kind: 'picked', by: 'position', loose: false })
  })

  it('finds nothing in an unrelated message', () => {
    expect(pick('koliko imam km', free)).toBe('none')
    expect(pick('kakvo je vrijeme', bookings)).toBe('none')
  })
})

describe('resolveChoice: opening requests (strict)', () => {
  const requestWord = (word: string) => /^(obri|otkaz|izbri)/.test(word)
  it('says a named case the user does not have, never taking "prva" as #1', () => {
    const ivan = cases.filter((item) => item.id !== '18')
    expect(
      pick('obriši slučaj Nedostaje prva pomoć', ivan, { strict: true, isRequestWord: requestWord }),
    ).toBe('missing:name')
    expect(
      pick('obriši slučaj Nedostaje prva pomoć', cases, { strict: true, isRequestWord: requestWord }),
    ).toBe('18')
  })

  it('still takes a plain ordinal or a subject word', () => {
    expect(pick('obriši prvi slučaj', cases, { strict: true, isRequestWord: requestWord })).toBe('13')
    expect(pick('obriši slučaj s kočnicama', cases, { strict: true, isRequestWord: requestWord })).toBe('7')
  })

  it('takes one stray lowercase word for no name, a capitalised one or two words for a name', () => {
    const strict = { strict: true, isRequestWord: requestWord }
    expect(pick('ipak mi otkaži rezervaciju', bookings, strict)).toBe('none')
    expect(pick('obriši hitno slučaj', cases, strict)).toBe('none')
    expect(pick('obriši slučaj Mjenjač', cases, strict)).toBe('missing:name')
    expect(pick('obriši slučaj pukla guma', cases, strict)).toBe('missing:name')
  })

  it('takes a shown number whatever sentence is around it', () => {
    const strict = { strict: true, isRequestWord: requestWord }
    expect(pick('možeš maknuti prijavu br. 13, riješeno je', cases, strict)).toBe('13')
  })

  it('does not take a request without a reference for a choice', () => {
    expect(pick('otkaži rezervaciju', bookings, { strict: true, isRequestWord: requestWord })).toBe('none')
  })
})
