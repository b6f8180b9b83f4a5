import { describe, expect, it } from 'vitest'
import { canonicalSlot, SLOT_ALIASES, slotNameOf } from '../../../src/store/slot-aliases.ts'

describe('slot aliases', () => {
  it.each([
    ['VehicleId', 'vehicleId'],
    ['vozilo', 'vehicleId'],
    ['FromTime', 'from'],
    ['od', 'from'],
    ['ToTime', 'to'],
    ['Bilješka', 'description'],
    ['Message', 'description'],
    ['Value', 'mileage'],
    ['kilometraža', 'mileage'],
    ['Subject', 'subject'],
    ['AssignedToId', 'personId'],
  ])('%s -> %s', (alias, canonical) => {
    expect(canonicalSlot(alias)).toBe(canonical)
  })

  it('keeps unknown names as they are', () => {
    expect(canonicalSlot('CostCenterId')).toBeUndefined()
    expect(slotNameOf('CostCenterId')).toBe('CostCenterId')
  })

  it('every canonical name maps to itself', () => {
    for (const canonical of new Set(SLOT_ALIASES.values())) expect(canonicalSlot(canonical)).toBe(canonical)
  })
})
