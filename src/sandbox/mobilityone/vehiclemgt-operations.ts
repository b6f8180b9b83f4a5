import { z } from 'zod'
import { collectionOperations } from './collection-operations.ts'
import { applyListQuery, matchesQuery, parseListQuery } from './list-query.ts'
import {
  AVAILABLE_VEHICLE_FIELDS,
  CALENDAR_ENTRY_FIELDS,
  CASE_FIELDS,
  EXPENSE_FIELDS,
  EXPENSE_TYPE_FIELDS,
  TRIP_FIELDS,
  VEHICLE_FIELDS,
} from './sandbox-fields.ts'
import type { SandboxOperation, SandboxRequest } from './sandbox-operation.ts'
import { badRequest, SandboxProblem } from './sandbox-problem.ts'
import type { CalendarEntryRecord, LookupRecord, SandboxTenant } from './sandbox-records.ts'
import { availableVehicleRow, calendarEntryRow, openCasesByVehicle, vehicleRow } from './serialize-records.ts'
import { parseApiDateTime } from './tenant-time.ts'
import { validateBody } from './validate-body.ts'

const END_OF_TIME = '9999-12-31T23:59:59'

const apiDateTime = (field: string) =>
  z.string().transform((text, context) => {
    const parsed = parseApiDateTime(text)
    if (!parsed) {
      context.addIssue({
        code: 'custom',
        message: `${field} '${text}' is not a datetime (YYYY-MM-DDTHH:MM:SS)`,
      })
      return z.NEVER
    }
    return parsed
  })

const calendarEntryBody = z.object({
  AssignedToId: z.guid('AssignedToId must be a uuid (the PersonId)'),
  VehicleId: z.guid('VehicleId must be a uuid'),
  FromTime: apiDateTime('FromTime'),
  ToTime: apiDateTime('ToTime').nullable().optional(),
  AssigneeType: z
    .number()
    .int()
    .refine((value) => value === 1 || value === 2, 'AssigneeType must be 1 (person) or 2 (team)'),
  EntryType: z.number().int().min(0, 'EntryType must be 0..4').max(4, 'EntryType must be 0..4'),
  Description: z.string().max(500).nullable().optional(),
  Price: z.number().nullable().optional(),
  OperatedBy: z.string().nullable().optional(),
  ExternalId: z.string().nullable().optional(),
})

/** Half-open intervals: a booking ending at 12:00 does not clash with one starting at 12:00. */
export function overlaps(
  fromA: string,
  toA: string | null | undefined,
  fromB: string,
  toB: string | null | undefined,
): boolean {
  return fromA < (toB ?? END_OF_TIME) && fromB < (toA ?? END_OF_TIME)
}

export function findClash(
  tenant: SandboxTenant,
  vehicleId: string,
  from: string,
  to: string | null,
): CalendarEntryRecord | undefined {
  for (const entry of tenant.calendar.values()) {
    if (entry.VehicleId === vehicleId && overlaps(entry.FromTime, entry.ToTime, from, to)) return entry
  }
  return undefined
}

export function vehiclemgtOperations(): SandboxOperation[] {
  const service = 'vehiclemgt' as const
  return [
    ...collectionOperations({
      service,
      path: '/Vehicles',
      schema: 'Vehicle',
      noun: 'vehicle',
      fields: VEHICLE_FIELDS,
      idType: 'uuid',
      listSummary: 'Vehicles of the tenant (paging, sorting, filtering)',
      rows: ({ tenant }) => {
        const openCases = openCasesByVehicle(tenant)
        return [...tenant.vehicles.values()].map((vehicle) => vehicleRow(vehicle, openCases))
      },
      find: (tenant, id) => {
        const vehicle = tenant.vehicles.get(String(id))
        return vehicle ? vehicleRow(vehicle, openCasesByVehicle(tenant)) : undefined
      },
    }),
    {
      method: 'GET',
      service,
      path: '/Vehicles/Agg',
      doc: {
        summary:
          'Aggregate (count, min, max, avg, sum) over vehicles satisfying the filters; 204 when nothing matches',
        parameters: [
          {
            name: 'function',
            in: 'query',
            type: 'string',
            description: 'count, min, max, avg or sum (default count)',
          },
          { name: 'aggregateField', in: 'query', type: 'string', description: 'column for min/max/avg/sum' },
          { name: 'filter', in: 'query', type: 'string-array', description: 'Field(op)value, repeated' },
          { name: 'useANDFor', in: 'query', type: 'string-array' },
        ],
        responses: [
          { status: 200, description: 'OK', schema: { number: true } },
          { status: 204, description: 'No matching vehicles' },
          { status: 400, description: 'Bad Request', schema: 'ProblemDetails' },
        ],
      },
      handle: ({ tenant, query }) => {
        const listQuery = parseListQuery(query, VEHICLE_FIELDS)
        const openCases = openCasesByVehicle(tenant)
        const rows = [...tenant.vehicles.values()]
          .map((vehicle) => vehicleRow(vehicle, openCases))
          .filter((row) => matchesQuery(row, listQuery))
        const fn = (query.first('function') ?? 'count').toLowerCase()
        if (fn === 'count') return rows.length === 0 ? { status: 204 } : { status: 200, body: rows.length }
        if (!['min', 'max', 'avg', 'sum'].includes(fn)) {
          throw badRequest(`function must be count, min, max, avg or sum, got '${fn}'`)
        }
        const fieldName = query.first('aggregateField') ?? ''
        const column = Object.keys(VEHICLE_FIELDS).find(
          (name) => name.toLowerCase() === fieldName.toLowerCase(),
        )
        const spec = column ? VEHICLE_FIELDS[column as keyof typeof VEHICLE_FIELDS] : undefined
        if (!column || (spec!.type !== 'integer' && spec!.type !== 'number')) {
          throw badRequest(`aggregateField must be a numeric column, got '${fieldName}'`)
        }
        const values = rows
          .map((row) => (row as unknown as Record<string, unknown>)[column])
          .filter((value): value is number => typeof value === 'number')
        if (values.length === 0) return { status: 204 }
        const sum = values.reduce((total, value) => total + value, 0)
        const result =
          fn === 'min'
            ? Math.min(...values)
            : fn === 'max'
              ? Math.max(...values)
              : fn === 'sum'
                ? sum
                : sum / values.length
        return { status: 200, body: result }
      },
    },
    {
      method: 'GET',
      service,
      path: '/AvailableVehicles',
      doc: {
        summary:
          'Bookable pool vehicles with no calendar entry overlapping [from, to) (paging, sorting, filtering)',
        list: true,
        parameters: [
          { name: 'from', in: 'query', type: 'date-time', required: true, description: 'tenant-local start' },
          { name: 'to', in: 'query', type: 'date-time', required: true, description: 'tenant-local end' },
        ],
        responses: [
          { status: 200, description: 'OK', schema: 'VehiclesAvailableForBookingItems' },
          { status: 400, description: 'Missing or invalid from/to', schema: 'ProblemDetails' },
        ],
      },
      handle: ({ tenant, query }) => {
        const from = requiredDateTime(query.first('from'), 'from')
        const to = requiredDateTime(query.first('to'), 'to')
        if (from >= to) throw badRequest(`'from' (${from}) must be before 'to' (${to})`)
        const listQuery = parseListQuery(query, AVAILABLE_VEHICLE_FIELDS)
        const free = [...tenant.vehicles.values()]
          .filter((vehicle) => vehicle.AvailabilityId === 1 && !findClash(tenant, vehicle.Id, from, to))
          .map(availableVehicleRow)
        return { status: 200, body: applyListQuery(free, listQuery) }
      },
    },
    ...collectionOperations({
      service,
      path: '/VehicleCalendar',
      schema: 'CalendarEntry',
      noun: 'calendar entry',
      fields: CALENDAR_ENTRY_FIELDS,
      idType: 'integer',
      listSummary:
        'Calendar entries (bookings, maintenance, …) of the whole tenant unless filtered: filter by AssignedToId',
      rows: ({ tenant }) => [...tenant.calendar.values()].map((entry) => calendarEntryRow(tenant, entry)),
      find: (tenant, id) => {
        const entry = tenant.calendar.get(Number(id))
        return entry ? calendarEntryRow(tenant, entry) : undefined
      },
      remove: (tenant, id) => tenant.calendar.delete(Number(id)),
    }),
    {
      method: 'POST',
      service,
      path: '/VehicleCalendar',
      doc: {
        summary: 'Create an entry in the vehicle calendar (a booking is EntryType 0, AssigneeType 1)',
        body: { schema: 'CalendarEntry' },
        responses: [
          { status: 201, description: 'Created', schema: 'CalendarEntry' },
          { status: 400, description: 'Invalid body, unknown vehicle or person', schema: 'ProblemDetails' },
          {
            status: 409,
            description: 'The vehicle already has an entry in that period',
            schema: 'ProblemDetails',
          },
        ],
      },
      handle: ({ tenant, body }) => {
        const input = validateBody(calendarEntryBody, body)
        const vehicleId = input.VehicleId.toLowerCase()
        const assignedToId = input.AssignedToId.toLowerCase()
        const vehicle = tenant.vehicles.get(vehicleId)
        if (!vehicle) throw validationProblem('VehicleId', `Vehicle ${input.VehicleId} does not exist`)
        if (input.AssigneeType === 1 && !tenant.people.has(assignedToId)) {
          throw validationProblem('AssignedToId', `Person ${input.AssignedToId} does not exist`)
        }
        const toTime = input.ToTime ?? null
        if (toTime !== null && toTime <= input.FromTime) {
          throw validationProblem('ToTime', `ToTime (${toTime}) must be after FromTime (${input.FromTime})`)
        }
        const clash = findClash(tenant, vehicleId, input.FromTime, toTime)
        if (clash) {
          throw new SandboxProblem(
            409,
            `Vehicle ${vehicle.LicencePlate} is not available: calendar entry ${clash.Id} from ${clash.FromTime} to ${clash.ToTime ?? 'open end'} overlaps ${input.FromTime} - ${toTime ?? 'open end'}`,
          )
        }
        const id = tenant.nextId.calendar++
        const entry: CalendarEntryRecord = {
          Id: id,
          TenantId: tenant.id,
          VehicleId: vehicleId,
          AssignedToId: assignedToId,
          AssigneeType: input.AssigneeType,
          EntryType: input.EntryType,
          FromTime: input.FromTime,
          ToTime: toTime,
          Description: input.Description ?? null,
          Price: input.Price ?? null,
          OperatedBy: input.OperatedBy ?? null,
          ExternalId: input.ExternalId ?? null,
        }
        tenant.calendar.set(id, entry)
        return {
          status: 201,
          body: calendarEntryRow(tenant, entry),
          headers: { location: `/vehiclemgt/VehicleCalendar/${id}` },
        }
      },
    },
    ...collectionOperations({
      service,
      path: '/Cases',
      schema: 'Case',
      noun: 'case',
      fields: CASE_FIELDS,
      idType: 'integer',
      listSummary: 'Cases (damage, faults) of the tenant: filter by RaisedByAssigneeId for one person',
      rows: ({ tenant }) => tenant.cases.values(),
      find: (tenant, id) => tenant.cases.get(Number(id)),
      remove: (tenant, id) => tenant.cases.delete(Number(id)),
    }),
    ...collectionOperations({
      service,
      path: '/Trips',
      schema: 'Trip',
      noun: 'trip',
      fields: TRIP_FIELDS,
      idType: 'integer',
      listSummary: 'Trips (travel orders) of the tenant: filter by PersonId for one driver',
      rows: ({ tenant }) => tenant.trips.values(),
      find: (tenant, id) => tenant.trips.get(Number(id)),
      remove: (tenant, id) => tenant.trips.delete(Number(id)),
    }),
    ...collectionOperations({
      service,
      path: '/Expenses',
      schema: 'Expense',
      noun: 'expense',
      fields: EXPENSE_FIELDS,
      idType: 'integer',
      listSummary: 'Expenses (fuel, tolls, parking, …) of the tenant: filter by PersonId for one person',
      rows: ({ tenant }) => tenant.expenses.values(),
      find: (tenant, id) => tenant.expenses.get(Number(id)),
      remove: (tenant, id) => tenant.expenses.delete(Number(id)),
    }),
    ...collectionOperations({
      service,
      path: '/ExpenseTypes',
      schema: 'ExpenseType',
      noun: 'expense type',
      fields: EXPENSE_TYPE_FIELDS,
      idType: 'integer',
      listSummary: 'Expense types of the tenant (fuel, toll, parking, …)',
      rows: ({ tenant }) => tenant.expenseTypes.values(),
      find: (tenant, id) => tenant.expenseTypes.get(Number(id)),
    }),
    lookupOperation(service, '/Lookup/ExpenseTypeId', 'Expense types by Id and Name', ({ tenant }) =>
      [...tenant.expenseTypes.values()]
        .filter((type) => type.Active)
        .map((type) => ({ Id: type.Id, Name: type.Name })),
    ),
    lookupOperation(service, '/Lookup/ExpenseStatuses', 'Expense statuses by Id and Name', ({ tenant }) =>
      tenant.expenseStatuses.map((status) => ({ ...status })),
    ),
  ]
}

/** A `/Lookup/...` list: a bare JSON array of {Id, Name}, like the real API's. */
function lookupOperation(
  service: 'vehiclemgt',
  path: string,
  summary: string,
  rows: (request: SandboxRequest) => LookupRecord[],
): SandboxOperation {
  return {
    method: 'GET',
    service,
    path,
    doc: { summary, responses: [{ status: 200, description: 'OK', schema: { listOf: 'Int32IdName' } }] },
    handle: (request) => ({ status: 200, body: rows(request) }),
  }
}

function requiredDateTime(text: string | undefined, name: string): string {
  if (text === undefined || text === '')
    throw badRequest(`The '${name}' query parameter is required (YYYY-MM-DDTHH:MM:SS)`)
  const parsed = parseApiDateTime(text)
  if (!parsed)
    throw badRequest(`The '${name}' query parameter '${text}' is not a datetime (YYYY-MM-DDTHH:MM:SS)`)
  return parsed
}

export function validationProblem(field: string, message: string): SandboxProblem {
  return new SandboxProblem(400, `${field}: ${message}`, 'One or more validation errors occurred.', {
    [field]: [message],
  })
}
