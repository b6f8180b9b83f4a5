import { describe, expect, it } from 'vitest'
import { buildChoiceReply } from '../../../src/dialogue/choice/choice-reply.ts'
import {
  moveToAwaitingConfirmation,
  moveToCollectingSlots,
  moveToFlow,
  moveToIdle,
} from '../../../src/dialogue/dialogue-state.ts'
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

describe('choice replies', () => {
  it('builds an interactive list within WhatsApp limits, with the options numbered in the text', () => {
    const reply = buildChoiceReply('Koje?', [
      { title: 'Volkswagen Passat Variant 2.0 TDI', description: 'x'.repeat(100) },
      { title: 'Škoda Octavia' },
    ])
    const rows = reply.list!.sections[0].rows
    expect(rows[0].title.length).toBeLessThanOrEqual(24)
    expect(rows[0].title).toMatch(/^1\. Volkswagen/)
    expect(rows[0].description!.length).toBeLessThanOrEqual(72)
    expect(rows[1].id).toBe('pick:2')
    expect(reply.text).toContain('2. Škoda Octavia')
  })

  it('keeps a cut title whole in the row description', () => {
    const label = '14.03.2026. 07:00 – 12:00, Opel Astra (PU-2872-AC)'
    const reply = buildChoiceReply('Koju?', [{ title: label }, { title: 'kratko' }])
    const rows = reply.list!.sections[0].rows
    expect(rows[0].title).toMatch(/^1\. 14\.03\.2026\..*…$/)
    expect(rows[0].description).toBe(label)
    expect(rows[1]).toEqual({ id: 'pick:2', title: '2. kratko' })
  })

  it('shows at most 10 options and "…i još N" for the rest', () => {
    const choices = Array.from({ length: 10 }, (_, index) => ({ title: `row ${index}` }))
    const reply = buildChoiceReply('Koje?', choices, 14)
    expect(reply.text).toContain('10. row 9')
    expect(reply.text).toContain('…i još 4')
    expect(reply.list!.sections[0].rows).toHaveLength(10)
  })

  it('sends a single option or an over-long body as text only', () => {
    expect(buildChoiceReply('Koje?', [{ title: 'Škoda Octavia' }]).list).toBeUndefined()
    const long = Array.from({ length: 10 }, (_, index) => ({ title: `${'opis '.repeat(30)}${index}` }))
    const reply = buildChoiceReply('Koje?', long)
    expect(reply.list).toBeUndefined()
    expect(reply.text).toContain('10. ')
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
