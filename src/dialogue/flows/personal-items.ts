import { OWNER_FIELDS_OF_KIND, type OwnedKind, ownedByPerson } from '../../fleet/access/ownership-fields.ts'
import {
  formatDate,
  formatDateTime,
  formatKilometers,
  formatMoney,
  formatPeriod,
} from '../../format/index.ts'
import type { FleetApi, FleetList, FleetRecord, ListOptions } from '../../ports/fleet-api.ts'
import type { ShownItem } from '../../store/conversation-state.ts'
import { toZagrebLocalDateTime } from '../../understanding/entities/zagreb-time.ts'
import type { TurnScope } from '../turn-scope.ts'

export type PersonalKind = OwnedKind

const LIST_ROWS = 50

/** Amounts arrive as numbers, sometimes as numeric strings; anything else is not an amount. */
function amountOf(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/** True only when an owner field names the person: items without one are not shown as "mine". */
export function belongsTo(kind: PersonalKind, record: Record<string, unknown>, personId: string): boolean {
  return ownedByPerson(record, OWNER_FIELDS_OF_KIND[kind], personId)
}

export function ownerOf(
  kind: PersonalKind,
  record: Record<string, unknown>,
  personId: string,
): string | undefined {
  return belongsTo(kind, record, personId) ? personId : undefined
}

/** One line describing an item, built from the fields the API returned; missing ones are left out. */
export function describeItem(kind: PersonalKind, record: Record<string, unknown>): string {
  const vehicle = [text(record.VehicleName), text(record.LicencePlate) && `(${text(record.LicencePlate)})`]
    .filter(Boolean)
    .join(' ')
  switch (kind) {
    case 'booking': {
      const from = text(record.FromTime)
      const to = text(record.ToTime)
      const when =
        from && to ? formatPeriod(from, to) : from ? `od ${formatDateTime(from)}` : 'termin nije dostupan'
      // The number the confirmation printed ("Broj rezervacije: 41"), so "broj 41" finds it.
      const number = record.Id !== undefined && record.Id !== null ? `br. ${record.Id}` : undefined
      return [`${when}`, vehicle, number].filter(Boolean).join(', ')
    }
    case 'case': {
      const subject = text(record.Subject) ?? text(record.CaseTypeName) ?? 'Slučaj'
      const status = text(record.CaseStatus)
      const raised = text(record.RaisedOn)
      return [`#${record.Id} ${subject}`, raised && formatDate(raised), status, vehicle]
        .filter(Boolean)
        .join(', ')
    }
    case 'trip': {
      const start = text(record.StartTime)
      const route = text(record.Route)
      const distance = typeof record.Distance === 'number' ? formatKilometers(record.Distance) : undefined
      return [start ? formatDateTime(start) : undefined, route, distance, vehicle].filter(Boolean).join(', ')
    }
    case 'expense': {
      const date = text(record.ExpenseDate) ?? text(record.TransactionTime)
      const type = text(record.ExpenseTypeName) ?? 'Trošak'
      const amount = record.Amount !== undefined ? formatMoney(amountOf(record.Amount)) : undefined
      return [date ? formatDate(date) : undefined, type, amount, text(record.PartnerName)]
        .filter(Boolean)
        .join(', ')
    }
  }
}

/** The tool each list comes from (as recorded per turn) and the fleet client's helper reading it. */
const SOURCE: Readonly<
  Record<
    PersonalKind,
    {
      tool: string
      read: (fleet: FleetApi, personId: string, options: ListOptions) => Promise<FleetList<object>>
    }
  >
> = {
  booking: { tool: 'get_VehicleCalendar', read: (fleet, id, options) => fleet.listBookings(id, options) },
  case: { tool: 'get_Cases', read: (fleet, id, options) => fleet.listCases(id, options) },
  trip: { tool: 'get_Trips', read: (fleet, id, options) => fleet.listTrips(id, options) },
  expense: { tool: 'get_Expenses', read: (fleet, id, options) => fleet.listExpenses(id, options) },
}

export interface PersonalList {
  items: Record<string, unknown>[]
  /** Items of the user beyond those read (from the envelope's Count). */
  total: number
}

/**
 * The user's own items, newest first: filtered by the person on the API side (the fleet client's
 * helpers) and checked again here, so another user's row never reaches a reply.
 */
export async function listPersonal(scope: TurnScope, kind: PersonalKind): Promise<PersonalList> {
  const { fleet } = scope
  const { personId, tenantId } = scope.user
  const options = { tenantId, paging: { first: 0, rows: LIST_ROWS } }
  const source = SOURCE[kind]
  const list = await scope.tools.call(source.tool, { personId, rows: LIST_ROWS }, () =>
    source.read(fleet, personId, options),
  )
  const items = (list.items as FleetRecord[]).filter((item) => belongsTo(kind, item, personId))
  const dropped = list.items.length - items.length
  return { items, total: Math.max(items.length, list.count - dropped) }
}

/** The local start of an item (and end of a booking), 'YYYY-MM-DDTHH:MM', as the resolver compares them. */
const START_FIELD: Readonly<Record<PersonalKind, readonly string[]>> = {
  booking: ['FromTime'],
  case: ['RaisedOn'],
  trip: ['StartTime'],
  expense: ['ExpenseDate', 'TransactionTime'],
}
const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/

function localMinute(value: unknown): string | undefined {
  const match = typeof value === 'string' ? LOCAL_MINUTE.exec(value) : null
  if (!match) return undefined
  return match[1] ? match[0] : `${match[0]}T00:00`
}

function startOf(kind: PersonalKind, record: Record<string, unknown>): string | undefined {
  for (const field of START_FIELD[kind]) {
    const start = localMinute(record[field])
    if (start) return start
  }
  return undefined
}

/**
 * The order a list is shown and numbered in, so "prvu" is always the first line the user saw:
 * bookings that have not ended soonest first, then (unless `upcomingOnly`) past ones newest
 * first; other records newest first, as the API sorts them.
 */
export function inStatedOrder(
  kind: PersonalKind,
  records: readonly Record<string, unknown>[],
  now: Date,
  options: { upcomingOnly?: boolean } = {},
): Record<string, unknown>[] {
  if (kind !== 'booking') return [...records]
  const nowLocal = toZagrebLocalDateTime(now).slice(0, 16)
  const endOf = (record: Record<string, unknown>) =>
    localMinute(record.ToTime) ?? localMinute(record.FromTime) ?? '9999-12-31T23:59'
  const startKey = (record: Record<string, unknown>) => startOf('booking', record) ?? ''
  const upcoming = records
    .filter((record) => endOf(record) >= nowLocal)
    .sort((a, b) => startKey(a).localeCompare(startKey(b)))
  if (options.upcomingOnly) return upcoming
  const past = records
    .filter((record) => endOf(record) < nowLocal)
    .sort((a, b) => startKey(b).localeCompare(startKey(a)))
  return [...upcoming, ...past]
}

export function toShownItem(
  kind: PersonalKind,
  record: Record<string, unknown>,
  personId: string,
): ShownItem {
  const from = startOf(kind, record)
  const to = kind === 'booking' ? localMinute(record.ToTime) : undefined
  return {
    kind,
    id: String(record.Id),
    label: describeItem(kind, record),
    plate: text(record.LicencePlate),
    ownerId: ownerOf(kind, record, personId),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(kind === 'booking' || kind === 'case' ? { ref: String(record.Id) } : {}),
  }
}
