/**
 * Which fields of a MobilityOne record name the person or the vehicle it belongs to. Explicit
 * by name (case-insensitive), never guessed from a format: a record is "mine" only when one of
 * these carries my person id (or, for vehicle records, one of my vehicle ids).
 *
 * Name-only fields (`Driver`, `DriverFrom`, `AssigneeName`, `PersonName`) are deliberately not
 * here: a row that names people only by display name cannot be attributed, so its tool is
 * tenant-wide (the assignment lists that leaked that way).
 */
export const PERSON_ID_FIELDS: readonly string[] = [
  'PersonId',
  'DriverId',
  'AssignedToId',
  'AssigneeId',
  'RaisedByAssigneeId',
  'UserId',
  'User',
  'CreatedBy',
  'ResponsiblePerson',
]

export const VEHICLE_ID_FIELDS: readonly string[] = ['VehicleId']

/** The owner fields of the lists the templates read: the same names as the API filters them by. */
export const OWNER_FIELDS_OF_KIND = {
  booking: ['AssignedToId'],
  case: ['RaisedByAssigneeId', 'AssigneeId'],
  trip: ['PersonId', 'DriverId'],
  expense: ['PersonId', 'DriverId'],
} as const satisfies Record<string, readonly string[]>

export type OwnedKind = keyof typeof OWNER_FIELDS_OF_KIND

const PERSON_SET = new Set(PERSON_ID_FIELDS.map((field) => field.toLowerCase()))
const VEHICLE_SET = new Set(VEHICLE_ID_FIELDS.map((field) => field.toLowerCase()))

export function isPersonIdField(name: string): boolean {
  return PERSON_SET.has(name.toLowerCase())
}

export function isVehicleIdField(name: string): boolean {
  return VEHICLE_SET.has(name.toLowerCase())
}

/** The value of a field by case-insensitive name (upstream casing varies between services). */
export function fieldValue(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name]
  const lower = name.toLowerCase()
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return record[key]
  return undefined
}

function sameId(value: unknown, id: string): boolean {
  return (typeof value === 'string' || typeof value === 'number') && String(value).toLowerCase() === id
}

/** True only when one of the fields names the person: a record without any is not "mine". */
export function ownedByPerson(
  record: Record<string, unknown>,
  fields: readonly string[],
  personId: string,
): boolean {
  const wanted = personId.toLowerCase()
  return fields.some((field) => sameId(fieldValue(record, field), wanted))
}

/** True only when one of the fields names one of the vehicles. */
export function ownedByVehicle(
  record: Record<string, unknown>,
  fields: readonly string[],
  vehicleIds: ReadonlySet<string>,
): boolean {
  return fields.some((field) => {
    const value = fieldValue(record, field)
    return (
      (typeof value === 'string' || typeof value === 'number') && vehicleIds.has(String(value).toLowerCase())
    )
  })
}
