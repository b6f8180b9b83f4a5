import { describe, expect, it } from 'vitest'
import { createSandboxDataset, spellPhone } from '../../../src/sandbox/mobilityone/create-sandbox-dataset.ts'
import { croatianDigits, listSeededDrivers } from '../../../src/sandbox/mobilityone/list-seeded-drivers.ts'
import {
  SANDBOX_SECOND_TENANT_ID,
  SANDBOX_TENANT_ID,
} from '../../../src/sandbox/mobilityone/sandbox-constants.ts'

const BASE_DATE = '2026-01-15'
const dataset = createSandboxDataset({ baseDate: BASE_DATE })
const [first, second] = dataset.tenants as [
  NonNullable<(typeof dataset.tenants)[0]>,
  NonNullable<(typeof dataset.tenants)[0]>,
]

describe('createSandboxDataset', () => {
  it('is a pure function of seed and base date', () => {
    const again = createSandboxDataset({ baseDate: BASE_DATE })
    expect(JSON.stringify([...again.tenants[0]!.vehicles.values()])).toBe(
      JSON.stringify([...first.vehicles.values()]),
    )
    const other = createSandboxDataset({ baseDate: BASE_DATE, seed: 7 })
    expect([...other.tenants[0]!.people.keys()]).not.toEqual([...first.people.keys()])
  })

  it('keeps ids when only the base date changes', () => {
    const later = createSandboxDataset({ baseDate: '2026-06-01' })
    expect([...later.tenants[0]!.people.keys()]).toEqual([...first.people.keys()])
    expect([...later.tenants[0]!.vehicles.keys()]).toEqual([...first.vehicles.keys()])
  })

  it('has two tenants with the exported ids and enough people and vehicles', () => {
    expect(first.id).toBe(SANDBOX_TENANT_ID)
    expect(second.id).toBe(SANDBOX_SECOND_TENANT_ID)
    expect(first.people.size).toBeGreaterThanOrEqual(40)
    expect(first.vehicles.size).toBeGreaterThanOrEqual(30)
    expect(second.people.size).toBeGreaterThan(0)
    expect(second.vehicles.size).toBeGreaterThan(0)
    for (const tenant of dataset.tenants) {
      expect(tenant.calendar.size).toBeGreaterThan(0)
      expect(tenant.cases.size).toBeGreaterThan(0)
      expect(tenant.trips.size).toBeGreaterThan(0)
      expect(tenant.expenses.size).toBeGreaterThan(0)
    }
  })

  it('seeds realistic expense types and statuses, the same in every tenant', () => {
    for (const tenant of dataset.tenants) {
      expect([...tenant.expenseTypes.values()].map((type) => [type.Id, type.Name])).toEqual([
        [1, 'Gorivo'],
        [2, 'Cestarina'],
        [3, 'Parking'],
        [4, 'Pranje vozila'],
        [5, 'Servis i održavanje'],
        [6, 'Ostalo'],
      ])
      expect(tenant.expenseStatuses.map((status) => status.Name)).toEqual(['Na čekanju', 'Odobreno'])
      for (const expense of tenant.expenses.values()) {
        expect(tenant.expenseTypes.get(expense.ExpenseTypeId)?.Name).toBe(expense.ExpenseTypeName)
        expect(tenant.expenseStatuses.find((status) => status.Id === expense.StatusId)?.Name).toBe(
          expense.Status,
        )
      }
    }
  })

  it('stores phone numbers in every spelling, some only in Mobile', () => {
    const people = [...first.people.values()]
    const numbers = people.flatMap((person) => [person.Phone, person.Mobile]).filter((n): n is string => !!n)
    expect(numbers.some((n) => /^\+385 \d{2} \d{3} \d{3,4}$/.test(n))).toBe(true)
    expect(numbers.some((n) => /^0\d{9}$/.test(n))).toBe(true)
    expect(numbers.some((n) => /^00385\d{9}$/.test(n))).toBe(true)
    expect(numbers.some((n) => /^385\d{9}$/.test(n))).toBe(true)
    expect(people.filter((person) => !person.Phone && person.Mobile).length).toBeGreaterThan(3)
  })

  it('gives every mobile number to one person only, across tenants', () => {
    const all = dataset.tenants.flatMap((tenant) => [...tenant.people.values()])
    const mobiles = all
      .flatMap((person) => [person.Phone, person.Mobile])
      .filter((n): n is string => !!n && !n.startsWith('+385 1 '))
      .map((n) => croatianDigits(n))
    expect(new Set(mobiles).size).toBe(mobiles.length)
  })

  it('has people with zero, one and several vehicles', () => {
    const counts = new Map<string, number>()
    for (const vehicle of first.vehicles.values()) {
      if (vehicle.DriverId) counts.set(vehicle.DriverId, (counts.get(vehicle.DriverId) ?? 0) + 1)
    }
    const perPerson = [...first.people.keys()].map((id) => counts.get(id) ?? 0)
    expect(perPerson).toContain(0)
    expect(perPerson).toContain(1)
    expect(Math.max(...perPerson)).toBeGreaterThanOrEqual(3)
  })

  it('builds realistic vehicles: plates, 17-character VINs, contracts and due activities', () => {
    for (const vehicle of first.vehicles.values()) {
      expect(vehicle.LicencePlate).toMatch(/^[A-Z]{2}-\d{3,4}-[A-Z]{1,2}$/)
      expect(vehicle.VIN).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/)
      expect(vehicle.ContractStart < vehicle.ContractEnd).toBe(true)
      expect(vehicle.MonthlyAmount).toBeGreaterThan(100)
      expect(vehicle.ProviderName).toMatch(/Leasing/)
      expect(vehicle.PeriodicActivities.map((activity) => activity.Name)).toEqual(
        expect.arrayContaining(['Registracija', 'Redovni servis']),
      )
    }
    const plates = [...first.vehicles.values()].map((vehicle) => vehicle.LicencePlate)
    expect(new Set(plates).size).toBe(plates.length)
  })

  it('places bookings around the base date, none overlapping on one vehicle', () => {
    const entries = [...first.calendar.values()]
    expect(entries.some((entry) => entry.FromTime > `${BASE_DATE}T23:59:59`)).toBe(true)
    expect(entries.some((entry) => entry.FromTime < BASE_DATE)).toBe(true)
    for (const a of entries) {
      for (const b of entries) {
        if (a.Id >= b.Id || a.VehicleId !== b.VehicleId) continue
        expect(a.FromTime < b.ToTime! && b.FromTime < a.ToTime!).toBe(false)
      }
    }
  })

  it('lists the seeded drivers with their WhatsApp digits', () => {
    const drivers = listSeededDrivers(dataset)
    const ivan = drivers.find((driver) => driver.firstName === 'Ivan' && driver.lastName === 'Horvat')
    expect(ivan).toMatchObject({
      whatsapp: '385912345678',
      plates: ['ZG-5521-KL'],
      tenantId: SANDBOX_TENANT_ID,
    })
    expect(drivers.find((driver) => driver.whatsapp === '385971234567')?.tenantId).toBe(
      SANDBOX_SECOND_TENANT_ID,
    )
  })
})

describe('phone spellings', () => {
  it('spells one number in six ways that normalise to the same digits', () => {
    const spellings = Array.from({ length: 6 }, (_, style) => spellPhone('912345678', style))
    expect(spellings).toEqual([
      '+385 91 234 5678',
      '0912345678',
      '00385912345678',
      '385912345678',
      '+385912345678',
      '091 234 5678',
    ])
    expect(new Set(spellings.map(croatianDigits))).toEqual(new Set(['385912345678']))
  })
})
