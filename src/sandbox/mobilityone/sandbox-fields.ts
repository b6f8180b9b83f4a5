import type {
  CalendarEntryRecord,
  CaseRecord,
  ExpenseRecord,
  ExpenseTypeRecord,
  LookupRecord,
  PersonRecord,
  TripRecord,
  VehicleRecord,
} from './sandbox-records.ts'

/**
 * One description per returned field. It drives both the served OpenAPI document and the
 * list engine (which columns `Filter`/`Sort` accept and how values compare), so the document
 * cannot drift from what the server does.
 */
export type FieldType = 'string' | 'uuid' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time' | 'any'

export interface FieldSpec {
  type: FieldType
  nullable?: boolean
  description?: string
}

export type FieldSpecs<Row> = { readonly [Key in keyof Row]-?: FieldSpec }

const text = (description?: string): FieldSpec => ({ type: 'string', nullable: true, description })
const requiredText = (description?: string): FieldSpec => ({ type: 'string', description })
const uuid = (nullable = false, description?: string): FieldSpec => ({ type: 'uuid', nullable, description })
const int = (nullable = false, description?: string): FieldSpec => ({
  type: 'integer',
  nullable,
  description,
})
const number = (nullable = false, description?: string): FieldSpec => ({
  type: 'number',
  nullable,
  description,
})
const dateTime = (nullable = false, description?: string): FieldSpec => ({
  type: 'date-time',
  nullable,
  description,
})
const date = (nullable = false, description?: string): FieldSpec => ({ type: 'date', nullable, description })

export const PERSON_FIELDS: FieldSpecs<PersonRecord> = {
  Id: uuid(false, 'PersonId'),
  TenantId: uuid(),
  Code: text(),
  FirstName: requiredText(),
  LastName: requiredText(),
  DisplayName: text('calculated as Code - LastName, FirstName'),
  Email: text(),
  Phone: text('as entered: any spelling (+385 91 234 5678, 0912345678, 00385912345678, 385912345678)'),
  Mobile: text('as entered, like Phone'),
  OrgUnitId: uuid(),
  OrgUnitName: text(),
  OrgUnitCode: text(),
  CompanyId: uuid(),
  CompanyName: text(),
  CompanyCode: text(),
  CostCenterName: text(),
  PersonTypeId: int(true),
  PersonTypeName: text(),
}

export type PersonDataRow = Omit<PersonRecord, 'CostCenterName'>

export const PERSON_DATA_FIELDS: FieldSpecs<PersonDataRow> = (({ CostCenterName: _, ...rest }) => rest)(
  PERSON_FIELDS,
)

export type VehicleRow = VehicleRecord & { UnresolvedCasesCount: number; LastUnresolvedCase: number | null }

export const VEHICLE_FIELDS: FieldSpecs<VehicleRow> = {
  Id: uuid(false, 'VehicleId'),
  TenantId: uuid(),
  PoolId: uuid(true),
  PoolName: text(),
  VehicleTypeId: int(),
  VehicleTypeName: text(),
  MileageUnit: text(),
  GeneralStatusId: int(),
  GeneralStatusName: text(),
  AvailabilityId: int(false, '1 bookable pool vehicle, 2 assigned to a driver'),
  Availability: text(),
  LicencePlate: text(),
  FullVehicleName: text(),
  VIN: text(),
  Manufacturer: text(),
  Model: text(),
  DisplayName: text(),
  LastMileage: int(true),
  LastMileageTime: dateTime(true),
  MaintenanceMileagePeriod: int(true, 'do maintenance every X km'),
  MaintenanceDaysPeriod: int(true, 'do regular maintenance every X days'),
  ProductionYear: int(true),
  Co2: int(),
  PeriodicActivities: {
    type: 'any',
    nullable: true,
    description:
      'due activities: [{Name, DueDate (YYYY-MM-DD), LastDate, PeriodDays, DueMileage, PeriodMileage}], e.g. Registracija, Redovni servis',
  },
  UnresolvedCasesCount: int(),
  LastUnresolvedCase: int(true),
  AcquiringTypeId: int(true),
  AcquiringTypeName: text(),
  ProviderId: uuid(true),
  ProviderName: text('leasing house'),
  SupplierId: uuid(true),
  SupplierName: text(),
  ContractId: text(),
  ContractStart: date(true),
  ContractEnd: date(true),
  Duration: int(true, 'contract duration in months'),
  StartingMileage: int(true),
  YearlyMileage: int(true),
  MileageLimit: int(true),
  MonthlyAmount: number(true, 'EUR'),
  Driver: text(),
  DriverId: text(),
  OrgUnit: text(),
  Company: text(),
  CompanyId: uuid(true),
  CostCenter: text(),
  LastChange: dateTime(),
}

export interface AvailableVehicleRow {
  Id: string
  LicencePlate: string
  VIN: string
  Manufacturer: string
  Model: string
  DisplayName: string
  FullVehicleName: string
  VehicleTypeId: number
  VehicleTypeName: string
  PoolId: string | null
  PoolName: string | null
  MileageLimit: number
  LastMileage: number
  LimitLeft: number
}

export const AVAILABLE_VEHICLE_FIELDS: FieldSpecs<AvailableVehicleRow> = {
  Id: uuid(false, 'VehicleId'),
  LicencePlate: text(),
  VIN: text(),
  Manufacturer: text(),
  Model: text(),
  DisplayName: text(),
  FullVehicleName: text(),
  VehicleTypeId: int(),
  VehicleTypeName: text(),
  PoolId: uuid(true),
  PoolName: text(),
  MileageLimit: int(true),
  LastMileage: int(),
  LimitLeft: number(false, 'MileageLimit minus LastMileage'),
}

export type CalendarEntryRow = CalendarEntryRecord & {
  VehicleName: string
  LicencePlate: string
  VIN: string
  VehicleTypeId: number
  VehicleTypeName: string
  PoolId: string | null
  PoolName: string | null
  AssigneeName: string
  AssigneeCode: string | null
  AssigneeTypeName: string
  EntryTypeName: string
  LastMileage: number
  LastMileageTime: string | null
}

export const CALENDAR_ENTRY_FIELDS: FieldSpecs<CalendarEntryRow> = {
  Id: int(false, 'not used in POST requests, part of a successful POST response'),
  TenantId: uuid(),
  VehicleId: uuid(),
  VehicleName: text(),
  LicencePlate: text(),
  VIN: text(),
  VehicleTypeId: int(),
  VehicleTypeName: text(),
  PoolId: uuid(true),
  PoolName: text(),
  AssignedToId: uuid(false, 'PersonId (AssigneeType 1) or team id (AssigneeType 2)'),
  AssigneeType: int(false, '1 person, 2 team'),
  AssigneeName: text(),
  AssigneeCode: text(),
  AssigneeTypeName: text(),
  EntryType: int(false, '0 booking, 1 event, 2 leave, 3 maintenance, 4 unavailable'),
  EntryTypeName: text(),
  FromTime: dateTime(false, 'tenant-local YYYY-MM-DDTHH:MM:SS'),
  ToTime: dateTime(true, 'tenant-local YYYY-MM-DDTHH:MM:SS; null means open-ended'),
  Description: text(),
  Price: number(true),
  OperatedBy: text(),
  ExternalId: text(),
  LastMileage: int(),
  LastMileageTime: dateTime(true),
}

export const CASE_FIELDS: FieldSpecs<CaseRecord> = {
  Id: int(),
  TenantId: uuid(),
  VehicleId: uuid(),
  VehicleName: text(),
  LicencePlate: text(),
  VIN: text(),
  CaseTypeId: int(false, '1 Šteta (damage), 2 Kvar (fault), 3 Ostalo'),
  CaseTypeName: text(),
  Subject: text(),
  Description: text(),
  CaseStatusId: int(false, '1 Otvoren, 2 U obradi, 3 Zatvoren'),
  CaseStatus: text(),
  SeverityId: int(),
  Severity: text(),
  TimeZone: requiredText(),
  StartTime: dateTime(true),
  RaisedOn: dateTime(),
  UtcRaisedOn: dateTime(),
  AssigneeId: uuid(true),
  AssigneeName: text(),
  RaisedByAssigneeId: uuid(true, 'PersonId of the reporter: filter "my cases" by this'),
  RaisedByAssigneeName: text(),
  Mileage: int(true),
  LastChange: dateTime(),
}

export const TRIP_FIELDS: FieldSpecs<TripRecord> = {
  Id: int(),
  TenantId: uuid(),
  TripNo: text(),
  Route: text(),
  TripTypeId: int(false, '1 Službeni (business), 2 Privatni (private)'),
  TripTypeName: text(),
  VehicleId: uuid(),
  VehicleName: text(),
  LicencePlate: text(),
  StartTime: dateTime(),
  StartUnits: int(true),
  StartLocation: text(),
  EndTime: dateTime(),
  EndUnits: int(true),
  EndLocation: text(),
  PersonId: uuid(true, 'the driver: filter "my trips" by this'),
  PersonName: text(),
  Comment: text(),
  Distance: int(true),
  Minutes: int(true),
}

export const EXPENSE_FIELDS: FieldSpecs<ExpenseRecord> = {
  Id: int(),
  TenantId: uuid(),
  ExpenseDate: date(),
  TransactionTime: dateTime(),
  ExpenseTypeId: int(),
  ExpenseTypeName: text(),
  Quantity: number(),
  PricePerUnit: number(),
  Amount: number(false, 'EUR'),
  Description: text(),
  StatusId: int(),
  Status: text(),
  VehicleId: uuid(true),
  VehicleName: text(),
  LicencePlate: text(),
  PersonId: uuid(true, 'filter "my expenses" by this'),
  PersonName: text(),
  PartnerName: text(),
  Location: text(),
}

export const EXPENSE_TYPE_FIELDS: FieldSpecs<ExpenseTypeRecord> = {
  Id: int(false, 'ExpenseTypeId of an expense'),
  TenantId: uuid(),
  Name: requiredText(),
  Code: text(),
  Description: text(),
  Active: { type: 'boolean' },
}

/** A row of a `/Lookup/...` list. */
export const LOOKUP_FIELDS: FieldSpecs<LookupRecord> = {
  Id: int(),
  Name: requiredText(),
}
