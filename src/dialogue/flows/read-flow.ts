import {
  formatDate,
  formatDateTime,
  formatKilometers,
  formatMoney,
  formatNumberedList,
  orNotAvailable,
} from '../../format/index.ts'
import type { Reply } from '../../ports/messages.ts'
import type { Vehicle } from '../../ports/user-context.ts'
import type { RecentContext } from '../../store/conversation-state.ts'
import { daysBetween } from '../../understanding/entities/local-date.ts'
import { zagrebToday } from '../../understanding/entities/zagreb-time.ts'
import { requireVehicle, vehicleLabel } from '../choice/pick-vehicle.ts'
import { recentOf, rememberList, rememberRead } from '../choice/recent-context.ts'
import type { ReadIntent } from '../detect-intent.ts'
import { moveToIdle } from '../dialogue-state.ts'
import type { Flow } from '../flow.ts'
import { readTexts } from '../texts/read-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { fieldLabels, focusRead } from './focus-read.ts'
import { describeItem, inStatedOrder, listPersonal, type PersonalKind } from './personal-items.ts'

const PERSONAL: Partial<Record<ReadIntent, { kind: PersonalKind; title: string; empty: string }>> = {
  'my-bookings': { kind: 'booking', title: readTexts.bookingsTitle, empty: readTexts.noBookings },
  'my-cases': { kind: 'case', title: readTexts.casesTitle, empty: readTexts.noCases },
  'my-trips': { kind: 'trip', title: readTexts.tripsTitle, empty: readTexts.noTrips },
  'my-expenses': { kind: 'expense', title: readTexts.expensesTitle, empty: readTexts.noExpenses },
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}/

/** A list as a follow-up sees it: how many, and the sum of its amounts or distances. */
function listSummary(
  kind: PersonalKind,
  items: readonly Record<string, unknown>[],
  total: number,
): NonNullable<RecentContext['list']> {
  const field = kind === 'expense' ? 'Amount' : kind === 'trip' ? 'Distance' : undefined
  const summary = { kind, count: items.length, total }
  if (!field) return summary
  let sum = 0
  for (const item of items) {
    const value = typeof item[field] === 'string' ? Number(item[field]) : item[field]
    if (typeof value === 'number' && Number.isFinite(value)) sum += value
  }
  return { ...summary, sum: Math.round(sum * 100) / 100, unit: kind === 'expense' ? 'money' : 'km' }
}

/** The first field that holds text or a number: activity names come under several field names. */
function firstText(...values: unknown[]): string | number | undefined {
  for (const value of values) {
    if (value === null || value === undefined) continue
    if (typeof value === 'string' || typeof value === 'number') return value
    return String(value)
  }
  return undefined
}

function dueLines(vehicle: Vehicle, now: Date): string[] {
  const activities = Array.isArray(vehicle.raw.PeriodicActivities) ? vehicle.raw.PeriodicActivities : []
  const today = zagrebToday(now)
  const rows = activities
    .map((activity) => ({
      name: orNotAvailable(firstText(activity.Name, activity.ActivityName, activity.Type)),
      due: typeof activity.DueDate === 'string' ? activity.DueDate : undefined,
      dueMileage: typeof activity.DueMileage === 'number' ? activity.DueMileage : undefined,
    }))
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
  return rows.map((row) => {
    const parts = [`${row.name}: ${formatDate(row.due)}`]
    if (row.dueMileage !== undefined) parts.push(`ili na ${formatKilometers(row.dueMileage)}`)
    const dueDay = row.due && LOCAL_DATE.test(row.due) ? row.due.slice(0, 10) : undefined
    const line = parts.join(' ')
    return dueDay ? `${line} (${readTexts.dueIn(String(row.name), daysBetween(today, dueDay))})` : line
  })
}

function vehicleTemplate(intent: ReadIntent, vehicle: Vehicle, now: Date): string {
  const label = vehicleLabel(vehicle)
  const raw = vehicle.raw
  switch (intent) {
    case 'mileage':
      return readTexts.mileage(
        label,
        formatKilometers(vehicle.mileageKm),
        vehicle.mileageAt ? formatDateTime(vehicle.mileageAt) : '',
      )
    case 'plate':
      return readTexts.plate(vehicle.name, orNotAvailable(vehicle.plate))
    case 'due-dates': {
      const lines = dueLines(vehicle, now)
      return lines.length === 0
        ? readTexts.noDue(label)
        : `${readTexts.dueTitle(label)}\n${lines.map((line) => `• ${line}`).join('\n')}`
    }
    case 'leasing':
      return readTexts.leasing(
        label,
        orNotAvailable(raw.ProviderName),
        formatDate(raw.ContractStart),
        formatDate(raw.ContractEnd),
        formatMoney(raw.MonthlyAmount),
        formatKilometers(raw.MileageLimit),
      )
    default: {
      const lines = [
        readTexts.summaryTitle(vehicle.name),
        `Registarska oznaka: ${orNotAvailable(vehicle.plate)}`,
        `VIN: ${orNotAvailable(vehicle.vin)}`,
        `Kilometraža: ${formatKilometers(vehicle.mileageKm)}`,
        `Leasing kuća: ${orNotAvailable(raw.ProviderName)}`,
        `Kraj ugovora: ${formatDate(raw.ContractEnd)}`,
      ]
      const due = dueLines(vehicle, now)
      if (due.length > 0) lines.push(`Sljedeći rok: ${due[0]}`)
      return lines.join('\n')
    }
  }
}

/** Templates for the high-traffic reads: the user's vehicle facts and "my" lists. */
export const readFlow: Flow = {
  name: 'read',
  absorb() {
    return false
  },
  async advance(scope: TurnScope): Promise<Reply[]> {
    const intent = scope.state.slots.intent as ReadIntent
    const personal = PERSONAL[intent]
    if (personal) {
      const list = await listPersonal(scope, personal.kind)
      moveToIdle(scope.state, scope.now.getTime())
      if (list.items.length === 0) return [{ text: personal.empty }]
      const items = inStatedOrder(personal.kind, list.items, scope.now)
      const lines = formatNumberedList(items, (item) => describeItem(personal.kind, item), {
        total: list.total,
      })
      rememberList(scope, listSummary(personal.kind, items, list.total))
      return [{ text: `${personal.title}\n${lines}` }]
    }
    const pick = requireVehicle(scope)
    if ('replies' in pick) return pick.replies
    moveToIdle(scope.state, scope.now.getTime())
    // Asked again about the same vehicle: the line the follow-up names, not the whole card again.
    const recent = recentOf(scope)
    const again = recent?.read === intent && recent.vehicleId === pick.vehicle.id
    const answer = vehicleTemplate(intent, pick.vehicle, scope.now)
    rememberRead(scope, intent, pick.vehicle.id, fieldLabels(answer))
    return [{ text: again ? focusRead(answer, scope.text) : answer }]
  },
  async execute() {
    return []
  },
}
