import type { Role } from '../ports/access-policy.ts'
import type { Person } from '../ports/fleet-api.ts'

export interface RoleMapping {
  /** Person types (PersonTypeName or PersonTypeCode or PersonTypeId) that have a fleet role. */
  personTypes: readonly string[]
  /** Org units (OrgUnitName or OrgUnitCode or OrgUnitId) whose members have a fleet role. */
  orgUnits: readonly string[]
}

const fold = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : undefined

/**
 * The role of a person from the fields MobilityOne returns at identification: `fleet` when the
 * person type or org unit is configured as a fleet role, otherwise `driver` (the safe default).
 */
export function createRoleOfPerson(mapping: RoleMapping): (person: Person) => Role {
  const types = new Set(mapping.personTypes.map(fold).filter(Boolean))
  const units = new Set(mapping.orgUnits.map(fold).filter(Boolean))
  return (person) => {
    const typeValues = [person.PersonTypeName, person.PersonTypeCode, person.PersonTypeId].map(fold)
    const unitValues = [person.OrgUnitName, person.OrgUnitCode, person.OrgUnitId].map(fold)
    if (typeValues.some((value) => value && types.has(value))) return 'fleet'
    if (unitValues.some((value) => value && units.has(value))) return 'fleet'
    return 'driver'
  }
}
