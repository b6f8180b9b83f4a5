import { describe, expect, it } from 'vitest'
import { createSandboxDataset } from '../../../src/sandbox/mobilityone/create-sandbox-dataset.ts'
import type { SandboxControl } from '../../../src/sandbox/mobilityone/sandbox-control.ts'
import { checkTenantState, type StoredFacts } from '../../../src/scenarios/check-tenant-state.ts'
import { findPerson, findVehicle } from '../../../src/scenarios/expand-scenario-template.ts'
import { stateExpectationSchema } from '../../../src/scenarios/scenario-schema.ts'
import { type ScenarioTenant, takeSnapshot } from '../../../src/scenarios/start-scenario-tenant.ts'

function setup(calls: Record<string, number> = {}) {
  const dataset = createSandboxDataset({ baseDate: '2026-03-09' })
  const tenant = {
    dataset,
    snapshot: takeSnapshot(dataset),
    control: {
      callCount: (route?: string) => calls[route ?? ''] ?? 0,
      calls: () => calls,
    } as unknown as SandboxControl,
  } as ScenarioTenant
  const stored: StoredFacts = { feedback: [], consent: 'granted' }
  const check = (expectations: unknown[], facts: StoredFacts = stored) =>
    checkTenantState(
      expectations.map((value) => stateExpectationSchema.parse(value)),
      { tenant, stored: facts, context: { dataset, today: '2026-03-09' }, userName: 'Petra Marić' },
    )
  return { dataset, check }
}

function book(
  dataset: ReturnType<typeof createSandboxDataset>,
  person: string,
  plate: string,
  from: string,
  to: string,
) {
  const { person: who, tenant } = findPerson(dataset, person)
  const { vehicle } = findVehicle(dataset, plate)
  const id = tenant.nextId.calendar++
  tenant.calendar.set(id, {
    Id: id,
    TenantId: tenant.id,
    VehicleId: vehicle.Id,
    AssignedToId: who.Id,
    AssigneeType: 1,
    EntryType: 0,
    FromTime: from,
    ToTime: to,
    Description: 'Službeni put',
    Price: null,
    OperatedBy: null,
    ExternalId: null,
  })
}

describe('checkTenantState', () => {
  it('finds a new booking of the user by vehicle and period, and nothing before it exists', () => {
    const { dataset, check } = setup()
    const expectation = { booking: { person: 'user', vehicle: 'ZD-1215-E', from: '{{iso:+2}}T09:00' } }
    expect(check([expectation])[0]).toMatch(/expected a new booking for user .*new bookings: none/)
    book(dataset, 'Petra Marić', 'ZD-1215-E', '2026-03-11T09:00:00', '2026-03-11T17:00:00')
    expect(check([expectation, { bookings: { person: 'user', added: 1, removed: 0 } }])).toEqual([])
    expect(check([{ booking: { person: 'user', exists: false } }])[0]).toMatch(/expected no new booking/)
    expect(check([{ booking: { person: 'user', description_contains: 'službeni' } }])).toEqual([])
  })

  it('notices a removed or edited booking of someone else', () => {
    const { dataset, check } = setup()
    const { person, tenant } = findPerson(dataset, 'Ivan Horvat')
    const entry = [...tenant.calendar.values()].find((item) => item.AssignedToId === person.Id)!
    expect(check([{ bookings: { person: 'Ivan Horvat', unchanged: true } }])).toEqual([])
    entry.ToTime = '2026-03-12T18:00:00'
    expect(check([{ bookings: { person: 'Ivan Horvat', unchanged: true } }])[0]).toMatch(/edited 1/)
    tenant.calendar.delete(entry.Id)
    expect(check([{ bookings: { person: 'Ivan Horvat', removed: 1 } }])).toEqual([])
  })

  it('checks mileage against a value and against the start', () => {
    const { dataset, check } = setup()
    expect(check([{ mileage: { vehicle: 'ZG-5521-KL', unchanged: true } }])).toEqual([])
    findVehicle(dataset, 'ZG-5521-KL').vehicle.LastMileage = 45_500
    expect(check([{ mileage: { vehicle: 'ZG-5521-KL', equals: 45_500 } }])).toEqual([])
    expect(check([{ mileage: { vehicle: 'ZG-5521-KL', unchanged: true } }])[0]).toMatch(
      /expected unchanged 45231/,
    )
  })

  it('counts removed cases of their owner only', () => {
    const { dataset, check } = setup()
    const { person, tenant } = findPerson(dataset, 'Ivan Horvat')
    const own = [...tenant.cases.values()].find((item) => item.RaisedByAssigneeId === person.Id)!
    tenant.cases.delete(own.Id)
    expect(
      check([
        { cases: { person: 'Ivan Horvat', removed: 1 } },
        { cases: { person: 'Maja Jurić', unchanged: true } },
      ]),
    ).toEqual([])
  })

  it('checks call counts, feedback and consent', () => {
    const { check } = setup({ 'POST /vehiclemgt/VehicleCalendar': 1 })
    expect(check([{ calls: { route: 'POST /vehiclemgt/VehicleCalendar', equals: 1 } }])).toEqual([])
    expect(check([{ calls: { route: 'POST /vehiclemgt/VehicleCalendar', equals: 0 } }])[0]).toMatch(
      /expected 0, got 1/,
    )
    const facts: StoredFacts = {
      feedback: [{ question: 'koliko imam km', answer: 'Octavia: 45.231 km', comment: null }],
      consent: 'denied',
    }
    expect(
      check([{ feedback: { equals: 1, answer_regex: '45\\.231' } }, { consent: 'denied' }], facts),
    ).toEqual([])
    expect(check([{ feedback: { min: 1, not_contains: ['45.231'] } }], facts)[0]).toMatch(
      /personal data must be masked/,
    )
  })
})
