/**
 * The MobilityOne fleet API as the core sees it. Field names of records are the upstream ones
 * (PascalCase), so tools generated from the OpenAPI specs and these helpers agree.
 */

export type FleetService = 'automation' | 'tenantmgt' | 'vehiclemgt' | (string & {})

export type FleetMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type FilterOperator = '=' | 'contains' | '~' | 'startsWith' | 'endsWith' | '>' | '<' | '>=' | '<='

/** One `Filter` condition; built with `filter.*` from `src/fleet/filter.ts`, never from raw text. */
export interface FilterCondition {
  readonly field: string
  readonly op: FilterOperator
  readonly value: string
}

export type QueryValue = string | number | boolean | Date | undefined | null

export interface FleetRequest {
  service: FleetService
  method: FleetMethod
  /** Path template below the service, e.g. `/VehicleCalendar/{id}`. */
  path: string
  pathParams?: Record<string, string | number>
  /** Plain query parameters; arrays become repeated parameters. */
  query?: Record<string, QueryValue | readonly QueryValue[]>
  /** Conditions are OR-ed unless their field is listed in `useAndFor`. */
  filters?: readonly FilterCondition[]
  useAndFor?: readonly string[]
  /** Present for list reads: `First`/`Rows` are always sent and `Rows` is bounded. */
  paging?: { first?: number; rows?: number }
  sort?: { field: string; order?: 'asc' | 'desc' }
  body?: unknown
  /** The user's tenant; the configured default when absent. */
  tenantId?: string
  /** Metrics label; defaults to `METHOD service/path-template`. */
  operation?: string
  signal?: AbortSignal
}

export interface FleetList<T> {
  items: T[]
  /** Total rows upstream (the envelope's `Count`), which may exceed `items.length`. */
  count: number
}

export interface Person {
  Id: string
  DisplayName?: string | null
  FirstName?: string | null
  LastName?: string | null
  Phone?: string | null
  Mobile?: string | null
  Email?: string | null
  TenantId?: string | null
  [field: string]: unknown
}

export interface PeriodicActivity {
  [field: string]: unknown
}

/** A vehicle as `GET /automation/MasterData` returns it. */
export interface MasterDataVehicle {
  Id: string
  LicencePlate?: string | null
  FullVehicleName?: string | null
  DisplayName?: string | null
  VIN?: string | null
  Manufacturer?: string | null
  Model?: string | null
  LastMileage?: number | null
  LastMileageTime?: string | null
  Driver?: string | null
  ProviderName?: string | null
  SupplierName?: string | null
  ContractStart?: string | null
  ContractEnd?: string | null
  MonthlyAmount?: number | null
  MileageLimit?: number | null
  MaintenanceMileagePeriod?: number | null
  PeriodicActivities?: PeriodicActivity[] | null
  [field: string]: unknown
}

export interface AvailableVehicle {
  Id: string
  DisplayName?: string | null
  FullVehicleName?: string | null
  LicencePlate?: string | null
  Manufacturer?: string | null
  Model?: string | null
  LastMileage?: number | null
  [field: string]: unknown
}

export interface CalendarEntry {
  Id: number
  VehicleId?: string | null
  VehicleName?: string | null
  LicencePlate?: string | null
  AssignedToId?: string | null
  FromTime?: string | null
  ToTime?: string | null
  Description?: string | null
  EntryType?: number | null
  [field: string]: unknown
}

export interface NewBooking {
  personId: string
  vehicleId: string
  /** ISO 8601 `YYYY-MM-DDTHH:MM:SS`, tenant local time. */
  from: string
  to: string
  description?: string
}

export interface NewMileage {
  vehicleId: string
  value: number
  time?: string
  comment?: string
}

export interface NewCase {
  personId: string
  subject: string
  message: string
}

export interface FleetRecord {
  Id: number | string
  [field: string]: unknown
}

export interface ListOptions {
  paging?: { first?: number; rows?: number }
  tenantId?: string
  signal?: AbortSignal
}

export type PersonalListKind = 'Cases' | 'Trips' | 'Expenses'

export interface FleetApi {
  /** Any call; returns the parsed body (undefined for 204 or an empty body). */
  request<T = unknown>(request: FleetRequest): Promise<T>
  /** A list read: paging always bounded, `{Data, Count}` (or a bare array/object) unwrapped. */
  list<T = unknown>(request: Omit<FleetRequest, 'method'>): Promise<FleetList<T>>

  findPersonsByPhones(phones: readonly string[], options?: ListOptions): Promise<Person[]>
  getMasterData(personId: string, options?: ListOptions): Promise<MasterDataVehicle[]>
  getAvailableVehicles(from: string, to: string, options?: ListOptions): Promise<FleetList<AvailableVehicle>>
  createBooking(booking: NewBooking, options?: ListOptions): Promise<CalendarEntry | undefined>
  listBookings(personId: string, options?: ListOptions): Promise<FleetList<CalendarEntry>>
  deleteBooking(id: number | string, options?: ListOptions): Promise<void>
  addMileage(mileage: NewMileage, options?: ListOptions): Promise<void>
  addCase(newCase: NewCase, options?: ListOptions): Promise<unknown>
  listCases(personId: string, options?: ListOptions): Promise<FleetList<FleetRecord>>
  listTrips(personId: string, options?: ListOptions): Promise<FleetList<FleetRecord>>
  listExpenses(personId: string, options?: ListOptions): Promise<FleetList<FleetRecord>>
  deleteCase(id: number | string, options?: ListOptions): Promise<void>
  deleteTrip(id: number | string, options?: ListOptions): Promise<void>
  deleteExpense(id: number | string, options?: ListOptions): Promise<void>
  getPersonData(personIdOrEmail: string, options?: ListOptions): Promise<Person | undefined>
}
