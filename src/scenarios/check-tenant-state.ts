import type { CalendarEntryRecord, SandboxTenant } from '../sandbox/mobilityone/sandbox-records.ts'
import { expandTemplate, findPerson, findVehicle, type TemplateContext } from './expand-scenario-template.ts'
import type { StateExpectation } from './scenario-schema.ts'
import { globalId, type ScenarioTenant } from './start-scenario-tenant.ts'

/** What the scenario's storage holds for its sender (read after the last turn). */
export interface StoredFacts {
  feedback: { question: string; answer: string; comment: string | null }[]
  consent: 'unknown' | 'granted' | 'denied' | 'none'
}

export interface StateCheckInput {
  tenant: ScenarioTenant
  stored: StoredFacts
  context: TemplateContext
  /** "First Last" of the scenario's sender, for `person: user`. */
  userName: string
}

function countFailure(what: string, actual: number, check: { equals?: number; min?: number; max?: number }) {
  if (check.equals !== undefined && actual !== check.equals)
    return `${what}: expected ${check.equals}, got ${actual}`
  if (check.min !== undefined && actual < check.min)
    return `${what}: expected at least ${check.min}, got ${actual}`
  if (check.max !== undefined && actual > check.max)
    return `${what}: expected at most ${check.max}, got ${actual}`
  return undefined
}

function describeBooking(tenant: SandboxTenant, entry: CalendarEntryRecord): string {
  const plate = tenant.vehicles.get(entry.VehicleId)?.LicencePlate ?? entry.VehicleId
  return `#${entry.Id} ${plate} ${entry.FromTime}..${entry.ToTime ?? ''}`
}

/** Failures of the `after` expectations against the tenant and storage (empty when all hold). */
export function checkTenantState(
  expectations: readonly StateExpectation[],
  input: StateCheckInput,
): string[] {
  const { tenant: sandbox, context, stored } = input
  const dataset = sandbox.dataset
  const snapshot = sandbox.snapshot
  const text = (value: string) => expandTemplate(value, context)
  const regex = (value: string) => new RegExp(expandTemplate(value, context, 'regex'), 'iu')
  const person = (name: string) => findPerson(dataset, name === 'user' ? input.userName : text(name))
  const failures: string[] = []

  for (const expectation of expectations) {
    if ('booking' in expectation) {
      const spec = expectation.booking
      const { person: who, tenant } = person(spec.person)
      const vehicle = spec.vehicle ? findVehicle(dataset, text(spec.vehicle)).vehicle : undefined
      const from = spec.from ? text(spec.from) : undefined
      const to = spec.to ? text(spec.to) : undefined
      const mine = [...tenant.calendar.values()].filter(
        (entry) => entry.AssignedToId === who.Id && entry.EntryType === 0,
      )
      const found = mine.filter(
        (entry) =>
          !snapshot.calendarIds.has(globalId(tenant.id, entry.Id)) &&
          (!vehicle || entry.VehicleId === vehicle.Id) &&
          (!from || entry.FromTime.startsWith(from)) &&
          (!to || (entry.ToTime ?? '').startsWith(to)) &&
          (!spec.description_contains ||
            (entry.Description ?? '').toLowerCase().includes(text(spec.description_contains).toLowerCase())),
      )
      const wanted = [
        vehicle ? `vehicle ${vehicle.LicencePlate}` : 'any vehicle',
        from ? `from ${from}` : '',
        to ? `to ${to}` : '',
        spec.description_contains ? `description ~ ${text(spec.description_contains)}` : '',
      ]
        .filter(Boolean)
        .join(', ')
      const added = mine.filter((entry) => !snapshot.calendarIds.has(globalId(tenant.id, entry.Id)))
      if (spec.exists && found.length === 0) {
        failures.push(
          `after: expected a new booking for ${spec.person} (${wanted}); new bookings: ${
            added.map((entry) => describeBooking(tenant, entry)).join(', ') || 'none'
          }`,
        )
      }
      if (!spec.exists && found.length > 0) {
        failures.push(
          `after: expected no new booking for ${spec.person} (${wanted}), found ${describeBooking(tenant, found[0]!)}`,
        )
      }
    } else if ('bookings' in expectation) {
      const spec = expectation.bookings
      const { person: who, tenant } = person(spec.person)
      const current = [...tenant.calendar.values()].filter((entry) => entry.AssignedToId === who.Id)
      const before = [...snapshot.calendarJson.entries()].filter(([, json]) => {
        const entry = JSON.parse(json) as CalendarEntryRecord
        return entry.TenantId === tenant.id && entry.AssignedToId === who.Id
      })
      const currentIds = new Set(current.map((entry) => globalId(tenant.id, entry.Id)))
      const added = current.filter((entry) => !snapshot.calendarIds.has(globalId(tenant.id, entry.Id))).length
      const removed = before.filter(([id]) => !currentIds.has(id)).length
      const edited = current.filter((entry) => {
        const previous = snapshot.calendarJson.get(globalId(tenant.id, entry.Id))
        return previous !== undefined && previous !== JSON.stringify(entry)
      }).length
      if (spec.unchanged && (added || removed || edited)) {
        failures.push(
          `after: bookings of ${spec.person} changed (added ${added}, removed ${removed}, edited ${edited})`,
        )
      }
      if (spec.added !== undefined && added !== spec.added) {
        failures.push(`after: expected ${spec.added} booking(s) added for ${spec.person}, got ${added}`)
      }
      if (spec.removed !== undefined && removed !== spec.removed) {
        failures.push(`after: expected ${spec.removed} booking(s) removed for ${spec.person}, got ${removed}`)
      }
    } else if ('mileage' in expectation) {
      const spec = expectation.mileage
      const { vehicle } = findVehicle(dataset, text(spec.vehicle))
      const before = snapshot.mileage.get(vehicle.LicencePlate)
      if (spec.equals !== undefined && vehicle.LastMileage !== spec.equals) {
        failures.push(
          `after: mileage of ${vehicle.LicencePlate} expected ${spec.equals}, got ${vehicle.LastMileage}`,
        )
      }
      if (spec.unchanged && vehicle.LastMileage !== before) {
        failures.push(
          `after: mileage of ${vehicle.LicencePlate} expected unchanged ${before}, got ${vehicle.LastMileage}`,
        )
      }
    } else if ('case' in expectation) {
      const spec = expectation.case
      const { person: who, tenant } = person(spec.person)
      const vehicle = spec.vehicle ? findVehicle(dataset, text(spec.vehicle)).vehicle : undefined
      const added = [...tenant.cases.values()].filter(
        (item) =>
          item.RaisedByAssigneeId === who.Id && !snapshot.caseOwners.has(globalId(tenant.id, item.Id)),
      )
      const found = added.filter(
        (item) =>
          (!vehicle || item.VehicleId === vehicle.Id) &&
          (!spec.subject_regex || regex(spec.subject_regex).test(item.Subject)) &&
          (!spec.message_regex || regex(spec.message_regex).test(item.Description)),
      )
      if (spec.exists && found.length === 0) {
        failures.push(
          `after: expected a new case for ${spec.person}${vehicle ? ` on ${vehicle.LicencePlate}` : ''}; new cases: ${
            added
              .map((item) => `#${item.Id} ${item.LicencePlate} "${item.Subject}" / "${item.Description}"`)
              .join(', ') || 'none'
          }`,
        )
      }
      if (!spec.exists && found.length > 0) {
        failures.push(
          `after: expected no new case for ${spec.person}, found #${found[0]!.Id} "${found[0]!.Subject}"`,
        )
      }
    } else if ('cases' in expectation || 'trips' in expectation) {
      const isCases = 'cases' in expectation
      const spec = isCases ? expectation.cases : expectation.trips
      const noun = isCases ? 'case' : 'trip'
      const { person: who, tenant } = person(spec.person)
      const owners = isCases ? snapshot.caseOwners : snapshot.tripOwners
      const current = isCases
        ? [...tenant.cases.values()]
            .filter((item) => item.RaisedByAssigneeId === who.Id)
            .map((item) => item.Id)
        : [...tenant.trips.values()].filter((item) => item.PersonId === who.Id).map((item) => item.Id)
      const currentIds = new Set(current.map((id) => globalId(tenant.id, id)))
      const added = [...currentIds].filter((id) => !owners.has(id)).length
      const removed = [...owners].filter(([id, owner]) => owner === who.Id && !currentIds.has(id)).length
      if (spec.unchanged && (added || removed)) {
        failures.push(`after: ${noun}s of ${spec.person} changed (added ${added}, removed ${removed})`)
      }
      if ('added' in spec && spec.added !== undefined && added !== spec.added) {
        failures.push(`after: expected ${spec.added} ${noun}(s) added for ${spec.person}, got ${added}`)
      }
      if (spec.removed !== undefined && removed !== spec.removed) {
        failures.push(`after: expected ${spec.removed} ${noun}(s) of ${spec.person} removed, got ${removed}`)
      }
    } else if ('calls' in expectation) {
      const spec = expectation.calls
      const failure = countFailure(
        `after: calls to ${spec.route}`,
        sandbox.control.callCount(spec.route),
        spec,
      )
      if (failure) failures.push(`${failure} (all calls: ${JSON.stringify(sandbox.control.calls())})`)
    } else if ('feedback' in expectation) {
      const spec = expectation.feedback
      const reports = stored.feedback.filter(
        (report) =>
          (!spec.question_regex || regex(spec.question_regex).test(report.question)) &&
          (!spec.answer_regex || regex(spec.answer_regex).test(report.answer)),
      )
      const failure = countFailure('after: matching feedback reports', reports.length, spec)
      if (failure) failures.push(`${failure} (stored: ${JSON.stringify(stored.feedback).slice(0, 300)})`)
      for (const needle of spec.not_contains ?? []) {
        const value = text(needle)
        if (stored.feedback.some((report) => `${report.question}\n${report.answer}`.includes(value))) {
          failures.push(
            `after: a feedback report contains ${JSON.stringify(value)} (personal data must be masked)`,
          )
        }
      }
    } else if ('consent' in expectation) {
      if (stored.consent !== expectation.consent) {
        failures.push(`after: consent expected '${expectation.consent}', stored '${stored.consent}'`)
      }
    }
  }
  return failures
}
