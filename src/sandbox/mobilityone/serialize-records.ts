import type { AvailableVehicleRow, CalendarEntryRow, PersonDataRow, VehicleRow } from './sandbox-fields.ts'
import type { CalendarEntryRecord, PersonRecord, SandboxTenant, VehicleRecord } from './sandbox-records.ts'

const ENTRY_TYPE_NAMES = ['Rezervacija', 'Događaj', 'Odsustvo', 'Održavanje', 'Nedostupno']
const CLOSED_CASE_STATUS = 3

/** Open cases per vehicle, computed once per request rather than once per vehicle. */
export function openCasesByVehicle(tenant: SandboxTenant): Map<string, { count: number; last: number }> {
  const byVehicle = new Map<string, { count: number; last: number }>()
  for (const record of tenant.cases.values()) {
    if (record.CaseStatusId === CLOSED_CASE_STATUS) continue
    const entry = byVehicle.get(record.VehicleId) ?? { count: 0, last: 0 }
    entry.count++
    entry.last = Math.max(entry.last, record.Id)
    byVehicle.set(record.VehicleId, entry)
  }
  return byVehicle
}

export function vehicleRow(
  vehicle: VehicleRecord,
  openCases: Map<string, { count: number; last: number }>,
): VehicleRow {
  const open = openCases.get(vehicle.Id)
  return {
    ...vehicle,
    PeriodicActivities: vehicle.PeriodicActivities.map((activity) => ({ ...activity })),
    UnresolvedCasesCount: open?.count ?? 0,
    LastUnresolvedCase: open?.last ?? null,
  }
}

export function availableVehicleRow(vehicle: VehicleRecord): AvailableVehicleRow {
  return {
    Id: vehicle.Id,
    LicencePlate: vehicle.LicencePlate,
    VIN: vehicle.VIN,
    Manufacturer: vehicle.Manufacturer,
    Model: vehicle.Model,
    DisplayName: vehicle.DisplayName,
    FullVehicleName: vehicle.FullVehicleName,
    VehicleTypeId: vehicle.VehicleTypeId,
    VehicleTypeName: vehicle.VehicleTypeName,
    PoolId: vehicle.PoolId,
    PoolName: vehicle.PoolName,
    MileageLimit: vehicle.MileageLimit,
    LastMileage: vehicle.LastMileage,
    LimitLeft: vehicle.MileageLimit - vehicle.LastMileage,
  }
}

export function calendarEntryRow(tenant: SandboxTenant, entry: CalendarEntryRecord): CalendarEntryRow {
  const vehicle = tenant.vehicles.get(entry.VehicleId)
  const person = entry.AssigneeType === 1 ? tenant.people.get(entry.AssignedToId) : undefined
  return {
    ...entry,
    VehicleName: vehicle?.DisplayName ?? '',
    LicencePlate: vehicle?.LicencePlate ?? '',
    VIN: vehicle?.VIN ?? '',
    VehicleTypeId: vehicle?.VehicleTypeId ?? 0,
    VehicleTypeName: vehicle?.VehicleTypeName ?? '',
    PoolId: vehicle?.PoolId ?? null,
    PoolName: vehicle?.PoolName ?? null,
    AssigneeName: person ? `${person.FirstName} ${person.LastName}` : '',
    AssigneeCode: person?.Code ?? null,
    AssigneeTypeName: entry.AssigneeType === 2 ? 'Tim' : 'Osoba',
    EntryTypeName: ENTRY_TYPE_NAMES[entry.EntryType] ?? 'Nepoznato',
    LastMileage: vehicle?.LastMileage ?? 0,
    LastMileageTime: vehicle?.LastMileageTime ?? null,
  }
}

export function personDataRow(person: PersonRecord): PersonDataRow {
  const { CostCenterName: _, ...rest } = person
  return rest
}
