import { describe, expect, it } from 'vitest'
import {
  checkReading,
  IMPLAUSIBLE_JUMP_KM,
  MIN_PLAUSIBLE_STEP_KM,
  plausibleStepKm,
} from '../../../src/dialogue/flows/mileage-flow.ts'
import { readTexts } from '../../../src/dialogue/texts/read-texts.ts'

const NOW = new Date('2026-03-09T08:00:00Z')

describe('mileage readings against the last one', () => {
  it('far below is a rollback, a little below is lower, above the plausible step is too high', () => {
    expect(checkReading(450, 45_231, '2026-02-26T11:47:00', NOW)).toBe('rollback')
    expect(checkReading(44_000, 45_231, '2026-02-26T11:47:00', NOW)).toBe('rollback')
    expect(checkReading(45_100, 45_231, '2026-02-26T11:47:00', NOW)).toBe('lower')
    expect(checkReading(45_231, 45_231, '2026-02-26T11:47:00', NOW)).toBe('plausible')
    expect(checkReading(52_000, 45_231, '2026-02-26T11:47:00', NOW)).toBe('plausible')
    expect(checkReading(58_000, 45_231, '2026-02-26T11:47:00', NOW)).toBe('too-high')
    expect(checkReading(1_000, undefined, undefined, NOW)).toBe('plausible')
  })

  it('more than the implausible jump above the last is impossible (a digit too many), whatever the dates', () => {
    expect(checkReading(452_310, 45_231, '2026-02-26T11:47:00', NOW)).toBe('impossible')
    expect(checkReading(45_231 + IMPLAUSIBLE_JUMP_KM + 1, 45_231, '2020-01-01T00:00:00', NOW)).toBe(
      'impossible',
    )
    expect(checkReading(45_231 + IMPLAUSIBLE_JUMP_KM, 45_231, '2020-01-01T00:00:00', NOW)).toBe('plausible')
  })

  it('the plausible step grows with the days since the last reading, within bounds', () => {
    expect(plausibleStepKm('2026-03-08T20:00:00', NOW)).toBe(MIN_PLAUSIBLE_STEP_KM)
    expect(plausibleStepKm('2026-02-26T11:47:00', NOW)).toBe(11_000)
    expect(plausibleStepKm('2025-01-01T00:00:00', NOW)).toBe(IMPLAUSIBLE_JUMP_KM)
    expect(plausibleStepKm(undefined, NOW)).toBe(IMPLAUSIBLE_JUMP_KM)
    expect(plausibleStepKm('2026-02-26T10:47:00Z', NOW)).toBe(11_000)
  })
})

describe('due dates said relative to today', () => {
  it.each([
    ['Registracija', 20, 'istječe za 20 dana'],
    ['Registracija', 21, 'istječe za 21 dan'],
    ['Registracija', 1, 'istječe sutra'],
    ['Registracija', 0, '⚠️ istječe danas'],
    ['Registracija', -1, '⚠️ istekla jučer'],
    ['Registracija', -3, '⚠️ istekla prije 3 dana'],
    ['Redovni servis', -5, '⚠️ istekao prije 5 dana'],
    ['Osiguranje', -2, '⚠️ isteklo prije 2 dana'],
  ])('%s in %i days: %s', (name, days, said) => {
    expect(readTexts.dueIn(name, days)).toBe(said)
  })
})
