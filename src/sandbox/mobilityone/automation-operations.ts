import { z } from 'zod'
import { isUuid } from './collection-operations.ts'
import { addCase } from './create-sandbox-dataset.ts'
import type { SandboxOperation } from './sandbox-operation.ts'
import { badRequest, notFound } from './sandbox-problem.ts'
import type { PersonRecord, SandboxTenant, VehicleRecord } from './sandbox-records.ts'
import { openCasesByVehicle, personDataRow, vehicleRow } from './serialize-records.ts'
import { formatLocalDateTime, parseApiDateTime } from './tenant-time.ts'
import { validateBody } from './validate-body.ts'
import { validationProblem } from './vehiclemgt-operations.ts'

const addMileageBody = z.object({
  VehicleId: z.guid('VehicleId must be a uuid'),
  Value: z
    .number('Value must be a whole number of km')
    .int('Value must be a whole number of km')
    .min(0, 'Value must be 0 or more')
    .max(2_147_483_647),
  Time: z.string().nullable().optional(),
  Comment: z.string().max(500, 'Comment is limited to 500 characters').nullable().optional(),
})

const requiredText = (field: string) =>
  z.string(`${field} is required`).refine((text) => text.trim().length > 0, `${field} must not be empty`)

const addCaseBody = z.object({
  User: requiredText('User'),
  Subject: requiredText('Subject'),
  Message: requiredText('Message'),
})

const CASE_TYPES = [
  {
    id: 1,
    name: 'Šteta',
    words: ['steta', 'ostecen', 'ogrebotin', 'udar', 'sudar', 'nesrec', 'damage', 'accident'],
  },
  {
    id: 2,
    name: 'Kvar',
    words: ['kvar', 'ne radi', 'lampic', 'problem', 'fault', 'broken', 'kocnic', 'motor'],
  },
]

export function automationOperations(): SandboxOperation[] {
  const service = 'automation' as const
  return [
    {
      method: 'GET',
      service,
      path: '/MasterData',
      doc: {
        summary: "The person's vehicle(s): one vehicle as a bare object; none or several as {Data, Count}",
        parameters: [
          { name: 'personId', in: 'query', type: 'uuid', required: true, description: 'PersonId' },
        ],
        responses: [
          { status: 200, description: 'OK', schema: { oneOf: ['Master', 'MasterItems'] } },
          { status: 400, description: 'Missing or invalid personId', schema: 'ProblemDetails' },
          { status: 404, description: 'No such person in the tenant', schema: 'ProblemDetails' },
        ],
      },
      handle: ({ tenant, query }) => {
        const personId = query.first('personId')
        if (!personId) throw badRequest("The 'personId' query parameter is required")
        if (!isUuid(personId)) throw badRequest(`The value '${personId}' is not a valid uuid.`)
        const person = tenant.people.get(personId.toLowerCase())
        if (!person) throw notFound(`Person ${personId} not found`)
        const openCases = openCasesByVehicle(tenant)
        const vehicles = vehiclesOf(tenant, person).map((vehicle) => vehicleRow(vehicle, openCases))
        return {
          status: 200,
          body: vehicles.length === 1 ? vehicles[0] : { Data: vehicles, Count: vehicles.length },
        }
      },
    },
    {
      method: 'POST',
      service,
      path: '/AddMileage',
      doc: {
        summary: "Record a vehicle's mileage: updates LastMileage and LastMileageTime",
        body: { schema: 'AddMileageDto' },
        responses: [
          { status: 202, description: 'Accepted', schema: 'VehicleInfo' },
          { status: 400, description: 'Invalid body', schema: 'ProblemDetails' },
          { status: 404, description: 'No such vehicle in the tenant', schema: 'ProblemDetails' },
        ],
      },
      handle: ({ tenant, body, now }) => {
        const input = validateBody(addMileageBody, body)
        const vehicle = tenant.vehicles.get(input.VehicleId.toLowerCase())
        if (!vehicle) throw notFound(`Vehicle ${input.VehicleId} not found`)
        let time = formatLocalDateTime(now())
        if (input.Time) {
          const parsed = parseApiDateTime(input.Time)
          if (!parsed)
            throw validationProblem('Time', `'${input.Time}' is not a datetime (YYYY-MM-DDTHH:MM:SS)`)
          time = parsed
        }
        vehicle.LastMileage = input.Value
        vehicle.LastMileageTime = time
        vehicle.LastChange = formatLocalDateTime(now())
        return {
          status: 202,
          body: {
            Id: vehicle.Id,
            LicencePlate: vehicle.LicencePlate,
            DisplayName: vehicle.DisplayName,
            TenantId: tenant.id,
          },
        }
      },
    },
    {
      method: 'POST',
      service,
      path: '/AddCase',
      doc: {
        summary:
          'Report damage or a fault. User is the PersonId (or e-mail); the vehicle is the plate named in the text, else the person’s vehicle, else their current booking',
        body: { schema: 'AddCaseDto' },
        responses: [
          { status: 200, description: 'The created case (Id is the case id)', schema: 'Case' },
          {
            status: 400,
            description: 'Invalid body, unknown person or no vehicle',
            schema: 'ProblemDetails',
          },
        ],
      },
      handle: ({ tenant, body, now }) => {
        const input = validateBody(addCaseBody, body)
        const person = findPerson(tenant, input.User.trim())
        if (!person) throw validationProblem('User', `Person '${input.User}' does not exist`)
        const text = `${input.Subject} ${input.Message}`
        const local = formatLocalDateTime(now())
        const vehicle =
          vehicleNamedIn(tenant, text) ??
          vehiclesOf(tenant, person)[0] ??
          bookedVehicle(tenant, person, local)
        if (!vehicle) {
          throw validationProblem(
            'User',
            `Person '${input.User}' has no vehicle and none is named in the message`,
          )
        }
        const folded = fold(text)
        const type = CASE_TYPES.find((candidate) => candidate.words.some((word) => folded.includes(word)))
        const record = addCase(tenant, {
          vehicle,
          person,
          caseTypeId: type?.id ?? 3,
          caseTypeName: type?.name ?? 'Ostalo',
          subject: input.Subject.trim(),
          message: input.Message.trim(),
          raisedOn: local,
        })
        return { status: 200, body: record }
      },
    },
    {
      method: 'GET',
      service,
      path: '/PersonData/{personIdOrEmail}',
      doc: {
        summary: 'Profile of one person by PersonId or e-mail',
        parameters: [
          { name: 'personIdOrEmail', in: 'path', type: 'string', required: true },
          { name: 'when', in: 'query', type: 'date', description: 'accepted, ignored by the sandbox' },
        ],
        responses: [
          { status: 200, description: 'OK', schema: 'PersonDto' },
          { status: 404, description: 'Not Found', schema: 'ProblemDetails' },
        ],
      },
      handle: ({ tenant, params }) => {
        const person = findPerson(tenant, params.personIdOrEmail!)
        if (!person) throw notFound(`Person '${params.personIdOrEmail}' not found`)
        return { status: 200, body: personDataRow(person) }
      },
    },
  ]
}

function findPerson(tenant: SandboxTenant, idOrEmail: string): PersonRecord | undefined {
  if (isUuid(idOrEmail)) return tenant.people.get(idOrEmail.toLowerCase())
  const email = idOrEmail.toLowerCase()
  for (const person of tenant.people.values()) if (person.Email?.toLowerCase() === email) return person
  return undefined
}

export function vehiclesOf(tenant: SandboxTenant, person: PersonRecord): VehicleRecord[] {
  const vehicles: VehicleRecord[] = []
  for (const vehicle of tenant.vehicles.values()) if (vehicle.DriverId === person.Id) vehicles.push(vehicle)
  return vehicles
}

/** A plate written in the text, compared without separators (`zg1234ab` finds `ZG-1234-AB`). */
function vehicleNamedIn(tenant: SandboxTenant, text: string): VehicleRecord | undefined {
  const compact = text.toUpperCase().replace(/[^A-Z0-9ČĆŽŠĐ]/g, '')
  for (const vehicle of tenant.vehicles.values()) {
    if (compact.includes(vehicle.LicencePlate.replace(/[^A-Z0-9ČĆŽŠĐ]/g, ''))) return vehicle
  }
  return undefined
}

function bookedVehicle(
  tenant: SandboxTenant,
  person: PersonRecord,
  local: string,
): VehicleRecord | undefined {
  for (const entry of tenant.calendar.values()) {
    if (entry.AssignedToId === person.Id && entry.FromTime <= local && local < (entry.ToTime ?? '9999')) {
      return tenant.vehicles.get(entry.VehicleId)
    }
  }
  return undefined
}

function fold(text: string): string {
  return text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}
