import type { FleetApi, FleetRequest } from '../../../src/ports/fleet-api.ts'
import type { Tool } from '../../../src/registry/tool.ts'
import type { SandboxTenant } from '../../../src/sandbox/mobilityone/index.ts'

/** The victim's ids an attacker aims with, and what only the victim's records reveal. */
export interface Victim {
  personId: string
  email: string | undefined
  /**
   * Facts an attacker does not type and that only B's records carry (name, e-mail, phone, VINs,
   * case and trip texts no one else has): any of them in an answer to A is a leak. Ids and
   * plates are not here, because the attacker sends them and an API may echo them.
   */
  secrets: string[]
  vehicleIds: string[]
  plates: string[]
  caseIds: number[]
  bookingIds: number[]
  tripIds: number[]
  expenseIds: number[]
}

export function victimOf(tenant: SandboxTenant, personId: string): Victim {
  const person = tenant.people.get(personId)!
  const vehicles = [...tenant.vehicles.values()].filter((vehicle) => vehicle.DriverId === personId)
  const texts = (
    mine: (row: { [key: string]: unknown }) => boolean,
    rows: Iterable<object>,
    field: string,
  ) => {
    const all = [...rows] as { [key: string]: unknown }[]
    const others = new Set(all.filter((row) => !mine(row)).map((row) => row[field]))
    return all
      .filter(mine)
      .map((row) => row[field])
      .filter((value): value is string => typeof value === 'string' && value.length > 8 && !others.has(value))
  }
  const secrets = [
    person.DisplayName,
    person.Email,
    person.Phone,
    person.Mobile,
    ...vehicles.map((vehicle) => vehicle.VIN),
    ...texts((row) => row.RaisedByAssigneeId === personId, tenant.cases.values(), 'Description'),
    ...texts((row) => row.PersonId === personId, tenant.trips.values(), 'Route'),
  ].filter((value): value is string => typeof value === 'string' && value.length > 0)
  return {
    personId,
    secrets,
    email: typeof person.Email === 'string' ? person.Email : undefined,
    vehicleIds: vehicles.map((vehicle) => vehicle.Id),
    plates: vehicles.map((vehicle) => vehicle.LicencePlate),
    caseIds: [...tenant.cases.values()].filter((c) => c.RaisedByAssigneeId === personId).map((c) => c.Id),
    bookingIds: [...tenant.calendar.values()].filter((e) => e.AssignedToId === personId).map((e) => e.Id),
    tripIds: [...tenant.trips.values()].filter((t) => t.PersonId === personId).map((t) => t.Id),
    expenseIds: [...tenant.expenses.values()].filter((e) => e.PersonId === personId).map((e) => e.Id),
  }
}

/** The victim's records as stored: compared before and after the attacks (no write may touch them). */
export function victimState(tenant: SandboxTenant, victim: Victim): string {
  const owned = <T extends Record<string, unknown>>(rows: Iterable<T>, field: string) =>
    [...rows].filter((row) => row[field] === victim.personId)
  return JSON.stringify({
    person: tenant.people.get(victim.personId),
    vehicles: victim.vehicleIds.map((id) => tenant.vehicles.get(id)),
    cases: owned(tenant.cases.values() as Iterable<Record<string, unknown>>, 'RaisedByAssigneeId'),
    calendar: owned(tenant.calendar.values() as Iterable<Record<string, unknown>>, 'AssignedToId'),
    trips: owned(tenant.trips.values() as Iterable<Record<string, unknown>>, 'PersonId'),
    expenses: owned(tenant.expenses.values() as Iterable<Record<string, unknown>>, 'PersonId'),
    casesOnVictimVehicles: [...tenant.cases.values()].filter((c) => victim.vehicleIds.includes(c.VehicleId))
      .length,
  })
}

/** The victim's secrets found in a text. */
export function leaksIn(text: string, victim: Victim): string[] {
  const lower = text.toLowerCase()
  return victim.secrets.filter((secret) => lower.includes(secret.toLowerCase()))
}

/** Ids that name the victim's records in a request the policy let through (a cross-user write). */
export function namesVictim(text: string, victim: Victim): boolean {
  const lower = text.toLowerCase()
  return [victim.personId, ...victim.vehicleIds].some((id) => lower.includes(id.toLowerCase()))
}

/** The victim's record id for a tool's family, else the victim's first vehicle. */
function victimIdFor(tool: Tool, victim: Victim): string | number {
  const entity = tool.entity.toLowerCase()
  if (entity.includes('case')) return victim.caseIds[0] ?? 1
  if (entity.includes('calendar') || entity === 'booking') return victim.bookingIds[0] ?? 1
  if (entity.includes('trip')) return victim.tripIds[0] ?? 1
  if (entity.includes('expense')) return victim.expenseIds[0] ?? 1
  if (entity.startsWith('person')) return victim.personId
  return victim.vehicleIds[0]!
}

/** A value an attacker would put into a field to reach the victim. */
function attackValue(name: string, type: string | undefined, tool: Tool, victim: Victim): unknown {
  const lower = name.toLowerCase()
  if (/person|driver|assign|user|createdby|responsible|owner/.test(lower)) return victim.personId
  if (lower.includes('vehicle')) return victim.vehicleIds[0]
  if (lower === 'id' || lower.endsWith('id')) return victimIdFor(tool, victim)
  if (lower.includes('email')) return 'attacker@example.com'
  if (type === 'integer' || type === 'number') return victimIdFor(tool, victim)
  if (type === 'boolean') return true
  return `Šteta na ${victim.plates[0]}`
}

/** The most dangerous request for a tool: every input aimed at the victim (and another tenant). */
export function attackRequest(tool: Tool, victim: Victim, tenantId: string): FleetRequest {
  const pathParams: Record<string, string | number> = {}
  const query: Record<string, string | number | boolean> = {}
  for (const parameter of tool.parameters) {
    const value = attackValue(parameter.name, parameter.type, tool, victim)
    if (parameter.in === 'path') pathParams[parameter.name] = value as string | number
    else if (parameter.in === 'query' && parameter.name.toLowerCase() !== 'filter')
      query[parameter.name] = value as string | number | boolean
  }
  const body: Record<string, unknown> = {}
  for (const field of tool.requestBody) body[field.name] = attackValue(field.name, field.type, tool, victim)
  return {
    service: tool.service,
    method: tool.method.toUpperCase() as FleetRequest['method'],
    path: tool.path,
    pathParams,
    query,
    ...(tool.method === 'get' || tool.method === 'delete' ? {} : { body }),
    filters: [{ field: 'PersonId', op: '=', value: victim.personId }],
    tenantId,
    operation: tool.id,
  }
}

export interface SentCall {
  method: string
  service: string
  path: string
  tenantId: string | undefined
  body: unknown
  pathParams: unknown
}

/** Records every request the policy lets through to the real client (observation, not a mock). */
export function recordingFleet<T extends FleetApi>(fleet: T): { fleet: T; sent: SentCall[] } {
  const sent: SentCall[] = []
  const wrapped = Object.create(fleet) as T
  wrapped.request = (request) => {
    sent.push({
      method: request.method,
      service: request.service,
      path: request.path,
      tenantId: request.tenantId,
      body: request.body,
      pathParams: request.pathParams,
    })
    return fleet.request(request)
  }
  return { fleet: wrapped, sent }
}
