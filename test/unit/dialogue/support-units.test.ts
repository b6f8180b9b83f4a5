import { describe, expect, it } from 'vitest'
import {
  moveToAwaitingConfirmation,
  moveToCollectingSlots,
  moveToFlow,
  moveToIdle,
} from '../../../src/dialogue/dialogue-state.ts'
import { buildChoiceReply } from '../../../src/dialogue/format/build-choice-reply.ts'
import { buildNumberedLines } from '../../../src/dialogue/format/build-list-text.ts'
import {
  formatDate,
  formatKm,
  formatMoney,
  formatPeriod,
} from '../../../src/dialogue/format/format-values.ts'
import { maskPersonalData } from '../../../src/dialogue/mask-personal-data.ts'
import { ProviderCache } from '../../../src/dialogue/provider-cache.ts'
import { newConversationState } from '../../../src/store/conversation-state.ts'

describe('dialogue state transitions', () => {
  it('moves idle -> collecting -> confirming -> idle', () => {
    const state = newConversationState(0)
    moveToFlow(state, 'mileage', 1)
    moveToCollectingSlots(state, ['mileage'])
    expect(state).toMatchObject({ state: 'collecting-slots', flow: 'mileage' })
    expect([...state.missing]).toEqual(['mileage'])
    moveToAwaitingConfirmation(state, { tool: 'post_AddMileage', summary: 's' })
    expect(state.missing.size).toBe(0)
    moveToIdle(state, 2)
    expect(state).toMatchObject({ state: 'idle', flow: undefined, pending: undefined, slots: {} })
  })
})

describe('formatting', () => {
  it('formats Croatian values and never invents missing ones', () => {
    expect(formatKm(45231)).toBe('45.231 km')
    expect(formatKm(undefined)).toBe('nije dostupno')
    expect(formatMoney(1234.5)).toBe('1.234,50 EUR')
    expect(formatDate('2026-03-15')).toBe('15.03.2026.')
    expect(formatPeriod('2026-03-15T08:00:00', '2026-03-15T16:00:00')).toBe('15.03.2026. 08:00 – 16:00')
  })

  it('shows at most 10 rows and "…i još N"', () => {
    const text = buildNumberedLines(Array.from({ length: 14 }, (_, index) => `row ${index}`))
    expect(text.split('\n')).toHaveLength(11)
    expect(text).toContain('…i još 4')
  })

  it('builds an interactive list within WhatsApp limits', () => {
    const reply = buildChoiceReply('Koje?', [
      { title: 'Volkswagen Passat Variant 2.0 TDI', description: 'x'.repeat(100) },
      { title: 'Škoda Octavia' },
    ])
    const rows = reply.list!.sections[0].rows
    expect(rows[0].title.length).toBeLessThanOrEqual(24)
    expect(rows[0].description!.length).toBeLessThanOrEqual(72)
    expect(rows[1].id).toBe('pick:2')
    expect(reply.text).toContain('2. Škoda Octavia')
  })
})

describe('maskPersonalData', () => {
  it('masks phones, e-mails, plates, VINs and names', () => {
    const masked = maskPersonalData(
      'Ivan Horvat, +385 91 234 5678, ivan@firma.hr, ZG-5521-KL, TMBAUKXT2NA931281',
      ['IH01 - Horvat, Ivan'],
    )
    expect(masked).not.toMatch(/Ivan|Horvat|5678|firma|5521|TMBAU/)
  })
})

describe('ProviderCache', () => {
  it('normalises keys so one value is stored once', () => {
    const cache = new ProviderCache({ max: 10, ttlMs: 60_000 })
    cache.set('T1', 'P1', 'VehicleId', [1])
    expect(cache.get(' t1', 'p1', 'vehicle_id')).toEqual([1])
    expect(cache.size).toBe(1)
  })

  it('never grows past its bound', () => {
    const cache = new ProviderCache({ max: 100, ttlMs: 60_000 })
    for (let index = 0; index < 1000; index++) cache.set('t', `p${index}`, 'x', [index])
    expect(cache.size).toBe(100)
  })
})
