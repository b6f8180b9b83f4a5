/**
 * Records of the simulated tenant, with the field names of the real API. Fields that the real
 * API computes on read (names of the linked vehicle or person, open case counts) are either
 * stored denormalised, as the real database does, or added by the serialisers.
 */
export interface PersonRecord {
  Id: string
  TenantId: string
  Code: string
  FirstName: string
  LastName: string
  /** "Code - LastName, FirstName", as the real API calculates it. */
  DisplayName: string
  Email: string | null
  /** Stored as people typed it: `+385 91 234 5678`, `0912345678`, `00385…`, `385…`, or null. */
  Phone: string | null
  Mobile: string | null
  OrgUnitId: string
  OrgUnitName: string
  OrgUnitCode: string
  CompanyId: string
  CompanyName: string
  CompanyCode: string
  CostCenterName: string
  PersonTypeId: number
  PersonTypeName: string
}

export interface PeriodicActivity {
  Name: string
  /** `YYYY-MM-DD` */
  DueDate: string
  LastDate: string | null
  PeriodDays: number | null
  DueMileage: number | null
  PeriodMileage: number | null
}

export interface VehicleRecord {
  Id: string
  TenantId: string
  PoolId: string | null
  PoolName: string | null
  VehicleTypeId: number
  VehicleTypeName: string
  MileageUnit: string
  GeneralStatusId: number
  GeneralStatusName: string
  /** 1 = bookable pool vehicle (listed by AvailableVehicles), 2 = assigned to a driver. */
  AvailabilityId: number
  Availability: string
  LicencePlate: string
  FullVehicleName: string
  VIN: string
  Manufacturer: string
  Model: string
  DisplayName: string
  LastMileage: number
  LastMileageTime: string
  MaintenanceMileagePeriod: number
  MaintenanceDaysPeriod: number
  ProductionYear: number
  Co2: number
  PeriodicActivities: PeriodicActivity[]
  AcquiringTypeId: number
  AcquiringTypeName: string
  ProviderId: string
  ProviderName: string
  SupplierId: string
  SupplierName: string
  ContractId: string
  ContractStart: string
  ContractEnd: string
  Duration: number
  StartingMileage: number
  YearlyMileage: number
  MileageLimit: number
  MonthlyAmount: number
  Driver: string | null
  DriverId: string | null
  OrgUnit: string | null
  Company: string
  CompanyId: string
  CostCenter: string | null
  LastChange: string
}

export interface CalendarEntryRecord {
  Id: number
  TenantId: string
  VehicleId: string
  AssignedToId: string
  /** 1 person, 2 team */
  AssigneeType: number
  /** 0 booking, 1 event, 2 leave, 3 maintenance, 4 unavailable */
  EntryType: number
  FromTime: string
  ToTime: string | null
  Description: string | null
  Price: number | null
  OperatedBy: string | null
  ExternalId: string | null
}

export interface CaseRecord {
  Id: number
  TenantId: string
  VehicleId: string
  VehicleName: string
  LicencePlate: string
  VIN: string
  CaseTypeId: number
  CaseTypeName: string
  /** The AddCase subject (the real Case DTO has no subject field; ours keeps it). */
  Subject: string
  Description: string
  CaseStatusId: number
  CaseStatus: string
  SeverityId: number
  Severity: string
  TimeZone: string
  StartTime: string
  RaisedOn: string
  UtcRaisedOn: string
  AssigneeId: string | null
  AssigneeName: string | null
  RaisedByAssigneeId: string
  RaisedByAssigneeName: string
  Mileage: number | null
  LastChange: string
}

export interface TripRecord {
  Id: number
  TenantId: string
  TripNo: string
  Route: string
  TripTypeId: number
  TripTypeName: string
  VehicleId: string
  VehicleName: string
  LicencePlate: string
  StartTime: string
  StartUnits: number
  StartLocation: string
  EndTime: string
  EndUnits: number
  EndLocation: string
  PersonId: string
  PersonName: string
  Comment: string | null
  Distance: number
  Minutes: number
}

export interface ExpenseRecord {
  Id: number
  TenantId: string
  ExpenseDate: string
  TransactionTime: string
  ExpenseTypeId: number
  ExpenseTypeName: string
  Quantity: number
  PricePerUnit: number
  Amount: number
  Description: string | null
  StatusId: number
  Status: string
  VehicleId: string
  VehicleName: string
  LicencePlate: string
  PersonId: string
  PersonName: string
  PartnerName: string
  Location: string | null
}

/** A kind of expense of the tenant (`/ExpenseTypes`; `/Lookup/ExpenseTypeId` lists Id and Name). */
export interface ExpenseTypeRecord {
  Id: number
  TenantId: string
  Name: string
  Code: string
  Description: string | null
  Active: boolean
}

/** One row of a `/Lookup/...` list (`Int32IdName` of the real API). */
export interface LookupRecord {
  Id: number
  Name: string
}

export interface SandboxTenant {
  id: string
  name: string
  people: Map<string, PersonRecord>
  vehicles: Map<string, VehicleRecord>
  calendar: Map<number, CalendarEntryRecord>
  cases: Map<number, CaseRecord>
  trips: Map<number, TripRecord>
  expenses: Map<number, ExpenseRecord>
  expenseTypes: Map<number, ExpenseTypeRecord>
  /** Expense statuses by id; a new expense starts in the first. */
  expenseStatuses: readonly LookupRecord[]
  /** Next integer ids, like the identity columns of the real database. */
  nextId: { calendar: number; cases: number; trips: number; expenses: number }
}

export interface SandboxDataset {
  /** Tenant-local `YYYY-MM-DD` every relative date was computed from. */
  baseDate: string
  seed: number
  tenants: SandboxTenant[]
  tenantsById: Map<string, SandboxTenant>
}
