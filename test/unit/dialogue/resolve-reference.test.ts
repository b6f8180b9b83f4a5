import { describe, expect, it } from 'vitest'
import { isDeleteRequestWord } from '../../../src/dialogue/detect-intent.ts'
import { namesAnItem, resolveReference } from '../../../src/dialogue/resolve-reference.ts'
import type { ShownItem } from '../../../src/store/conversation-state.ts'
import { normalizeText } from '../../../src/understanding/entities/normalize-text.ts'

const items: ShownItem[] = [
  {
    kind: 'vehicle',
    id: 'a',
    label: 'Volkswagen Passat Variant (ZG-1234-AB)',
    plate: 'ZG-1234-AB',
    vin: 'WVWZZZ3CZWE123456',
  },
  { kind: 'vehicle', id: 'b', label: 'Toyota Corolla (ST-782-CD)', plate: 'ST-782-CD' },
  { kind: 'vehicle', id: 'c', label: 'Škoda Octavia (ZG-5521-KL)', plate: 'ZG-5521-KL' },
]
const pick = (text: string, replyId?: string) => {
  const match = resolveReference(normalizeText(text), items, replyId)
  return match.status === 'matched' ? `${match.item.id}:${match.by}` : match.status
}

describe('resolveReference', () => {
  it.each([
    ['1', 'a:ordinal'],
    ['drugo', 'b:ordinal'],
    ['3.', 'c:ordinal'],
    ['broj 2', 'b:ordinal'],
    ['zadnji', 'c:ordinal'],
    ['ZG-1234-AB', 'a:exact'],
    ['zg1234ab', 'a:exact'],
    ['WVWZZZ3CZWE123456', 'a:exact'],
    ['Passat', 'a:substring'],
    ['škoda', 'c:prefix'],
    ['octavia', 'c:substring'],
    ['5521', 'c:substring'],
  ])('%s -> %s', (text, expected) => {
    expect(pick(text)).toBe(expected)
  })

  it('takes a tapped list row by its position', () => {
    expect(pick('Toyota', 'pick:3')).toBe('c:ordinal')
  })

  it('finds nothing for an out-of-range ordinal or an unknown name', () => {
    expect(pick('7')).toBe('none')
    expect(pick('Mercedes')).toBe('none')
  })

  it('reports a tie as ambiguous', () => {
    const twins: ShownItem[] = [
      { kind: 'vehicle', id: 'x', label: 'Opel Astra (ZG-1-A)' },
      { kind: 'vehicle', id: 'y', label: 'Opel Astra (ZG-2-B)' },
    ]
    expect(resolveReference(normalizeText('astra'), twins).status).toBe('ambiguous')
  })
})

describe('namesAnItem', () => {
  const now = new Date('2026-03-09T08:00:00Z')
  const names = (text: string) => namesAnItem(normalizeText(text), now, isDeleteRequestWord)

  it('sees a name, a plate or a VIN in a request', () => {
    expect(names('obriši slučaj Nedostaje prva pomoć')).toBe(true)
    expect(names('otkaži rezervaciju za ZG-1234-AB')).toBe(true)
    expect(names('obrisi slucaj kocnice')).toBe(true)
  })

  it('does not count request words, fillers, ordinals or dates as a name', () => {
    expect(names('obriši slučaj')).toBe(false)
    expect(names('otkaži moju zadnju rezervaciju')).toBe(false)
    expect(names('obriši prvi slučaj')).toBe(false)
    expect(names('otkaži rezervaciju za sutra')).toBe(false)
    expect(names('otkazi rezervaciju u petak')).toBe(false)
  })
})
