import type {
  PersonRecord,
  SandboxDataset,
  SandboxTenant,
  VehicleRecord,
} from '../sandbox/mobilityone/sandbox-records.ts'
import { addDays, formatLocalDateTime, localDateTime } from '../sandbox/mobilityone/tenant-time.ts'
import { findClash } from '../sandbox/mobilityone/vehiclemgt-operations.ts'
import { extractPlates } from '../understanding/entities/extract-plates.ts'

/**
 * `{{kind:arg:arg...}}` placeholders in scenario text, resolved against the seeded dataset and
 * the scenario's start date. In regex fields the values are escaped (or become a small pattern
 * where the wording is ours to choose, e.g. `456,78` vs `456.78`).
 *
 * | template | value |
 * |---|---|
 * | `date:+N` / `dm:+N` / `iso:+N` | start date plus N days as `10.03.2026.` / `10.3.` / `2026-03-10` |
 * | `free:+N:H-H:i:field` | i-th pool vehicle of tenant 1 free on day +N from H to H (negative i counts from the end) |
 * | `busy:+N:H-H:i:field` | i-th pool vehicle of tenant 1 NOT free then |
 * | `pool:i:field` | i-th pool vehicle of tenant 1 |
 * | `vehicle:PLATE:field` | a vehicle by plate (any tenant) |
 * | `booking:Person:i:field`, `case:…`, `trip:…`, `expense:…` | the person's i-th item (bookings by start time, the rest by id) |
 * | `person:Person:field` | `id`, `first`, `last`, `email`, `phone` |
 * | `model:Model:field` | the one pool vehicle of tenant 1 of that model |
 * | `shown:N` / `shown-plate:N` | the N-th item (1-based) of the last choice offered, or the plate in it |
 * | `next:case` / `next:booking` | the id the tenant gives the next new case / booking (tenant 1) |
 *
 * Vehicle fields: `plate`, `plate-compact` (`zg1234ab`), `plate-digits`, `vin`, `vin-tail`, `make`, `model`, `name`,
 * `mileage` (`45.231`), `mileage-date`, `provider`, `supplier`, `contract-end`, `monthly`, `due:<activity prefix>`.
 */
export interface TemplateContext {
  dataset: SandboxDataset
  /** Tenant-local `YYYY-MM-DD` of the scenario start. */
  today: string
  /** Items of the last choice the assistant offered (list rows or numbered lines), for `shown:N`. */
  shown?: string[]
  /** Next integer ids per tenant-1 collection at the scenario start, for `next:case`. */
  nextIds?: { calendar: number; cases: number; trips: number; expenses: number }
  /**
   * Values fixed at the scenario start (see `resolveAtStart`): "the first free vehicle" must
   * name the same car after the user booked it, when it is no longer free.
   */
  fixed?: Map<string, Resolved>
}

export class ScenarioTemplateError extends Error {
  readonly code = 'M1_ERR_SCENARIO_TEMPLATE'
}

export interface Resolved {
  text: string
  /** Used instead of the escaped text inside regex fields. */
  pattern?: string
}

const TEMPLATE = /\{\{\s*([^}]+?)\s*\}\}/g

export function escapeRegex(text: string): string {
  // Not `-`: outside a class it is literal, and `\-` is a syntax error in unicode mode.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

export function expandTemplate(
  text: string,
  context: TemplateContext,
  mode: 'text' | 'regex' = 'text',
): string {
  return text.replace(TEMPLATE, (_whole, body: string) => {
    const resolved = context.fixed?.get(body) ?? resolveTemplate(body, context)
    return mode === 'regex' ? (resolved.pattern ?? escapeRegex(resolved.text)) : resolved.text
  })
}

/** Kinds that depend on the conversation, not on the data at the start. */
const CONVERSATION_KINDS = new Set(['shown', 'shown-plate'])

/**
 * Resolves every data template of a scenario against the tenant as it is at the start, so
 * later checks compare with the state the scenario was written against. Templates that cannot
 * be resolved yet are left for the moment they are used (and fail there with a clear error).
 */
export function resolveAtStart(value: unknown, context: TemplateContext): Map<string, Resolved> {
  const fixed = new Map<string, Resolved>()
  for (const match of JSON.stringify(value).matchAll(TEMPLATE)) {
    const body = match[1]!
    if (fixed.has(body) || CONVERSATION_KINDS.has(body.split(':')[0]!.trim())) continue
    try {
      fixed.set(body, resolveTemplate(body, context))
    } catch {
      // Reported where the template is used.
    }
  }
  return fixed
}

export function localToday(instant: Date): string {
  return formatLocalDateTime(instant).slice(0, 10)
}

/** `2026-03-15` (or a datetime) -> `15.03.2026.`, the date format replies use. */
export function formatCroatianDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-')
  return `${day}.${month}.${year}.`
}

export function formatThousands(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

function amount(value: number): Resolved {
  const [whole, cents] = value.toFixed(2).split('.')
  const grouped = formatThousands(Number(whole))
  return { text: `${grouped},${cents}`, pattern: `${grouped.replace(/\./g, '[.\\s]?')}[.,]${cents}` }
}

function dayOffset(argument: string | undefined): number {
  const match = /^([+-]?\d+)$/.exec(argument ?? '')
  if (!match) throw new ScenarioTemplateError(`expected a day offset like +1, got '${argument ?? ''}'`)
  return Number(match[1])
}

function hours(argument: string | undefined): [number, number] {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(argument ?? '')
  if (!match) throw new ScenarioTemplateError(`expected hours like 8-16, got '${argument ?? ''}'`)
  return [Number(match[1]), Number(match[2])]
}

function pick<T>(items: T[], index: string | undefined, what: string): T {
  const position = Number(index)
  if (!Number.isInteger(position))
    throw new ScenarioTemplateError(`expected an index for ${what}, got '${index}'`)
  const item = position < 0 ? items[items.length + position] : items[position]
  if (item === undefined) {
    throw new ScenarioTemplateError(`${what}: index ${position} is out of range (${items.length} items)`)
  }
  return item
}

export function findPerson(
  dataset: SandboxDataset,
  name: string,
): { person: PersonRecord; tenant: SandboxTenant } {
  const wanted = name.trim().toLowerCase()
  for (const tenant of dataset.tenants) {
    for (const person of tenant.people.values()) {
      if (`${person.FirstName} ${person.LastName}`.toLowerCase() === wanted) return { person, tenant }
    }
  }
  throw new ScenarioTemplateError(`no seeded person named '${name}'`)
}

export function findVehicle(
  dataset: SandboxDataset,
  plate: string,
): { vehicle: VehicleRecord; tenant: SandboxTenant } {
  const wanted = plate.replace(/[\s-]/g, '').toUpperCase()
  for (const tenant of dataset.tenants) {
    for (const vehicle of tenant.vehicles.values()) {
      if (vehicle.LicencePlate.replace(/[\s-]/g, '').toUpperCase() === wanted) return { vehicle, tenant }
    }
  }
  throw new ScenarioTemplateError(`no seeded vehicle with plate '${plate}'`)
}

function poolVehicles(dataset: SandboxDataset): VehicleRecord[] {
  return [...dataset.tenants[0]!.vehicles.values()].filter((vehicle) => vehicle.AvailabilityId === 1)
}

function vehicleField(vehicle: VehicleRecord, field: string): Resolved {
  if (field.startsWith('due:')) {
    const prefix = field.slice(4).toLowerCase()
    const activity = vehicle.PeriodicActivities.find((entry) => entry.Name.toLowerCase().startsWith(prefix))
    if (!activity)
      throw new ScenarioTemplateError(`${vehicle.LicencePlate} has no periodic activity '${prefix}'`)
    return { text: formatCroatianDate(activity.DueDate) }
  }
  switch (field) {
    case 'plate':
      return { text: vehicle.LicencePlate }
    case 'plate-compact':
      return { text: vehicle.LicencePlate.replace(/-/g, '').toLowerCase() }
    case 'plate-digits':
      return { text: vehicle.LicencePlate.replace(/\D/g, '') }
    case 'vin':
      return { text: vehicle.VIN }
    case 'vin-tail':
      return { text: vehicle.VIN.slice(-6) }
    case 'make':
      return { text: vehicle.Manufacturer }
    case 'model':
      return { text: vehicle.Model }
    case 'name':
      return { text: vehicle.DisplayName }
    case 'id':
      return { text: vehicle.Id }
    case 'mileage':
      return { text: formatThousands(vehicle.LastMileage) }
    case 'mileage-date':
      return { text: formatCroatianDate(vehicle.LastMileageTime) }
    case 'mileage-raw':
      return { text: String(vehicle.LastMileage) }
    case 'provider':
      return { text: vehicle.ProviderName }
    case 'supplier':
      return { text: vehicle.SupplierName }
    case 'contract-end':
      return { text: formatCroatianDate(vehicle.ContractEnd) }
    case 'monthly':
      return amount(vehicle.MonthlyAmount)
    default:
      throw new ScenarioTemplateError(`unknown vehicle field '${field}'`)
  }
}

function itemsOf(kind: string, tenant: SandboxTenant, person: PersonRecord): Record<string, unknown>[] {
  switch (kind) {
    case 'booking':
      return [...tenant.calendar.values()]
        .filter((entry) => entry.AssignedToId === person.Id && entry.EntryType === 0)
        .sort((a, b) => a.FromTime.localeCompare(b.FromTime)) as unknown as Record<string, unknown>[]
    case 'case':
      return [...tenant.cases.values()].filter(
        (entry) => entry.RaisedByAssigneeId === person.Id,
      ) as unknown as Record<string, unknown>[]
    case 'trip':
      return [...tenant.trips.values()].filter((entry) => entry.PersonId === person.Id) as unknown as Record<
        string,
        unknown
      >[]
    default:
      return [...tenant.expenses.values()].filter(
        (entry) => entry.PersonId === person.Id,
      ) as unknown as Record<string, unknown>[]
  }
}

function itemField(
  kind: string,
  tenant: SandboxTenant,
  item: Record<string, unknown>,
  field: string,
): Resolved {
  const vehicle = tenant.vehicles.get(String(item.VehicleId))
  switch (`${kind}:${field}`) {
    case 'booking:date':
      return { text: formatCroatianDate(String(item.FromTime)) }
    case 'booking:from':
      return { text: String(item.FromTime) }
    case 'booking:plate':
    case 'case:plate':
    case 'trip:plate':
    case 'expense:plate':
      return { text: vehicle?.LicencePlate ?? '' }
    case 'case:subject':
      return { text: String(item.Subject) }
    case 'trip:route':
      return { text: String(item.Route) }
    case 'trip:no':
      return { text: String(item.TripNo) }
    case 'trip:date':
      return { text: formatCroatianDate(String(item.StartTime)) }
    case 'expense:type':
      return { text: String(item.ExpenseTypeName) }
    case 'expense:amount':
      return amount(Number(item.Amount))
    case 'expense:partner':
      return { text: String(item.PartnerName) }
    case 'expense:date':
      return { text: formatCroatianDate(String(item.ExpenseDate)) }
    default:
      if (field === 'id') return { text: String(item.Id) }
      throw new ScenarioTemplateError(`unknown ${kind} field '${field}'`)
  }
}

function resolveTemplate(body: string, context: TemplateContext): Resolved {
  const [kind, ...args] = body.split(':').map((part) => part.trim())
  const { dataset, today } = context
  try {
    switch (kind) {
      case 'date':
        return { text: formatCroatianDate(addDays(today, dayOffset(args[0]))) }
      case 'dm': {
        const [, month, day] = addDays(today, dayOffset(args[0])).split('-')
        return { text: `${Number(day)}.${Number(month)}.` }
      }
      case 'iso':
        return { text: addDays(today, dayOffset(args[0])) }
      case 'free':
      case 'busy': {
        const day = addDays(today, dayOffset(args[0]))
        const [fromHour, toHour] = hours(args[1])
        const from = localDateTime(day, fromHour)
        const to = localDateTime(day, toHour)
        const tenant = dataset.tenants[0]!
        const matching = poolVehicles(dataset).filter(
          (vehicle) => (findClash(tenant, vehicle.Id, from, to) === undefined) === (kind === 'free'),
        )
        return vehicleField(
          pick(matching, args[2], `${kind} vehicles on ${day} ${args[1]}`),
          args.slice(3).join(':'),
        )
      }
      case 'model': {
        const wanted = (args[0] ?? '').toLowerCase()
        const matching = poolVehicles(dataset).filter((vehicle) => vehicle.Model.toLowerCase() === wanted)
        if (matching.length !== 1) {
          throw new ScenarioTemplateError(
            `expected exactly one pool vehicle of model '${args[0]}', found ${matching.length}`,
          )
        }
        return vehicleField(matching[0]!, args.slice(1).join(':'))
      }
      case 'shown':
      case 'shown-plate': {
        const item = pick(
          context.shown ?? [],
          String(Number(args[0]) - 1),
          'items of the last offered choice',
        )
        if (kind === 'shown') return { text: item }
        const found = extractPlates(item)[0]
        const plate = found && item.slice(found.start, found.end)
        if (!plate) throw new ScenarioTemplateError(`no plate in the shown item ${JSON.stringify(item)}`)
        return { text: plate }
      }
      case 'next': {
        const ids = context.nextIds
        if (!ids) throw new ScenarioTemplateError('next ids are not known')
        const value = { case: ids.cases, booking: ids.calendar, trip: ids.trips }[args[0] ?? '']
        if (value === undefined) throw new ScenarioTemplateError(`unknown collection '${args[0]}'`)
        return { text: String(value) }
      }
      case 'pool':
        return vehicleField(pick(poolVehicles(dataset), args[0], 'pool vehicles'), args.slice(1).join(':'))
      case 'vehicle':
        return vehicleField(findVehicle(dataset, args[0] ?? '').vehicle, args.slice(1).join(':'))
      case 'person': {
        const { person } = findPerson(dataset, args[0] ?? '')
        const fields: Record<string, string> = {
          id: person.Id,
          first: person.FirstName,
          last: person.LastName,
          email: person.Email ?? '',
          phone: (person.Mobile ?? person.Phone ?? '').replace(/\D/g, ''),
        }
        const value = fields[args[1] ?? '']
        if (value === undefined) throw new ScenarioTemplateError(`unknown person field '${args[1]}'`)
        return { text: value }
      }
      case 'booking':
      case 'case':
      case 'trip':
      case 'expense': {
        const { person, tenant } = findPerson(dataset, args[0] ?? '')
        const item = pick(itemsOf(kind, tenant, person), args[1], `${kind}s of ${args[0]}`)
        return itemField(kind, tenant, item, args[2] ?? '')
      }
      default:
        throw new ScenarioTemplateError(`unknown template kind '${kind}'`)
    }
  } catch (error) {
    if (error instanceof ScenarioTemplateError) {
      throw new ScenarioTemplateError(`{{${body}}}: ${error.message}`)
    }
    throw error
  }
}
