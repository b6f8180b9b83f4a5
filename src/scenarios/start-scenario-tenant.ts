import type { SandboxControl } from '../sandbox/mobilityone/sandbox-control.ts'
import type { CalendarEntryRecord, SandboxDataset } from '../sandbox/mobilityone/sandbox-records.ts'
import { startSandbox } from '../sandbox/mobilityone/start-sandbox.ts'
import { findPerson, findVehicle } from './expand-scenario-template.ts'
import type { Scenario, TenantAction } from './scenario-schema.ts'

/** What a scenario had at its start, so `after` can say "unchanged" or "one added". */
export interface TenantSnapshot {
  calendarIds: Set<number>
  /** Case / trip id (see `globalId`) -> the owner's PersonId at the start. */
  caseOwners: Map<number, string>
  tripOwners: Map<number, string>
  /** Plate -> LastMileage. */
  mileage: Map<string, number>
  /** Calendar entries by id, as JSON, to detect edits of untouched bookings. */
  calendarJson: Map<number, string>
}

export interface ScenarioTenant {
  url: string
  clientId: string
  clientSecret: string
  tenantIds: string[]
  dataset: SandboxDataset
  control: SandboxControl
  snapshot: TenantSnapshot
  apply(action: TenantAction): void
  close(): Promise<void>
}

export function takeSnapshot(dataset: SandboxDataset): TenantSnapshot {
  const snapshot: TenantSnapshot = {
    calendarIds: new Set(),
    caseOwners: new Map(),
    tripOwners: new Map(),
    mileage: new Map(),
    calendarJson: new Map(),
  }
  for (const tenant of dataset.tenants) {
    // Ids are per tenant; the tenant id keeps two tenants' entry 1 apart.
    for (const entry of tenant.calendar.values()) {
      snapshot.calendarIds.add(globalId(tenant.id, entry.Id))
      snapshot.calendarJson.set(globalId(tenant.id, entry.Id), JSON.stringify(entry))
    }
    for (const item of tenant.cases.values())
      snapshot.caseOwners.set(globalId(tenant.id, item.Id), item.RaisedByAssigneeId)
    for (const item of tenant.trips.values())
      snapshot.tripOwners.set(globalId(tenant.id, item.Id), item.PersonId)
    for (const vehicle of tenant.vehicles.values())
      snapshot.mileage.set(vehicle.LicencePlate, vehicle.LastMileage)
  }
  return snapshot
}

const tenantIndex = new Map<string, number>()
/** A number unique across tenants for a per-tenant integer id. */
export function globalId(tenantId: string, id: number): number {
  let index = tenantIndex.get(tenantId)
  if (index === undefined) {
    index = tenantIndex.size
    tenantIndex.set(tenantId, index)
  }
  return index * 1_000_000_000 + id
}

/**
 * A fresh simulated tenant for one scenario, listening on a free local port: the seeded
 * dataset is rebuilt, so one scenario's booking never shows up in the next one.
 */
export async function startScenarioTenant(options: {
  scenario: Scenario
  baseDate: string
  now: () => Date
  specsDir?: string
}): Promise<ScenarioTenant> {
  const { scenario } = options
  const sandbox = await startSandbox({
    baseDate: options.baseDate,
    now: options.now,
    latencyMs: scenario.setup.latency_ms,
    faults: scenario.setup.faults,
    ...(scenario.setup.full_catalogue && options.specsDir ? { specsDir: options.specsDir } : {}),
  })
  const dataset = sandbox.dataset
  return {
    url: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    tenantIds: sandbox.tenantIds,
    dataset,
    control: sandbox.control,
    snapshot: takeSnapshot(dataset),
    apply(action) {
      if (action.reset_faults) sandbox.control.reset()
      if (action.latency_ms !== undefined) sandbox.control.setLatency(action.latency_ms)
      if (action.faults) sandbox.control.setFaults(action.faults)
      if (action.revoke_tokens) sandbox.control.revokeTokens()
      if (action.book) {
        const { person, tenant } = findPerson(dataset, action.book.person)
        const { vehicle } = findVehicle(dataset, action.book.vehicle)
        const id = tenant.nextId.calendar++
        const entry: CalendarEntryRecord = {
          Id: id,
          TenantId: tenant.id,
          VehicleId: vehicle.Id,
          AssignedToId: person.Id,
          AssigneeType: 1,
          EntryType: 0,
          FromTime: action.book.from,
          ToTime: action.book.to,
          Description: 'Rezervirao netko drugi (scenarij)',
          Price: null,
          OperatedBy: null,
          ExternalId: null,
        }
        tenant.calendar.set(id, entry)
      }
    },
    close: () => sandbox.close(),
  }
}
