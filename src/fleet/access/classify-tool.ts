import type { Tool } from '../../registry/tool.ts'
import type { ToolRegistry } from '../../registry/tool-registry.ts'
import { isPersonIdField, isVehicleIdField } from './ownership-fields.ts'

/**
 * How the access policy treats a tool, decided once from its schema:
 * - `admin`: side effects and administration (e-mail, sync, bulk edits, users, roles, tenants,
 *   settings); nobody without an explicit allow-list entry;
 * - `reference`: type and lookup catalogues, nobody's records; anyone reads them;
 * - `person-read`: a read the API scopes by a person parameter (MasterData, PersonData), which the
 *   policy fills with the user's own id;
 * - `own-list` / `own-record`: rows or one record that carry an owner field; filtered / checked;
 * - `own-write`: a change whose target record or body names its person or vehicle;
 * - `tenant-read` / `tenant-write`: nothing attributes it to one person; fleet roles only.
 */
export type AccessKind =
  | 'admin'
  | 'reference'
  | 'person-read'
  | 'own-list'
  | 'own-record'
  | 'own-write'
  | 'tenant-read'
  | 'tenant-write'

export interface ToolAccess {
  kind: AccessKind
  /** Fields of a returned row (reads) or of the target record (writes) naming its person. */
  personFields: readonly string[]
  /** The same for the vehicle: rows owned through one of the user's vehicles. */
  vehicleFields: readonly string[]
  /** Writes on `/{id}`: the read of the target record, checked before the change. */
  targetTool?: string
  /** Body fields forced to the user's person id. */
  bodyPersonFields: readonly string[]
  /** Body fields that must name one of the user's vehicles (a pool car for bookings). */
  bodyVehicleFields: readonly string[]
  /** A booking: its vehicle is a pool car the user reserves, not one assigned to them. */
  poolVehicle: boolean
}

const ADMIN_ENTITIES = new Set(
  [
    'SendEmail',
    'SyncExternalIdAndLicencePlate',
    'SyncExternalIdAndVIN',
    'Roles',
    'Settings',
    'TenantPermissions',
    'Tenants',
    'Companies',
    'Upsert',
    'Demo',
    'DashboardItems',
  ].map((name) => name.toLowerCase()),
)
const ADMIN_SEGMENTS = new Set(
  [
    'multipatch',
    'DeleteByCriteria',
    'Recalculate',
    'RecalculateAll',
    'RequestMileageEstimation',
    'linktenant',
    'unlinktenant',
    'ResendInvitation',
    'SetRolesForUser',
    'Join',
    'Import',
  ].map((name) => name.toLowerCase()),
)
const REFERENCE_ENTITY = /(types|metadata|whatcanido)$/i
/** `/Lookup/CaseStatuses` is a catalogue; `/Lookup/PersonId`, `/Lookup/VehicleId` name records. */
const REFERENCE_LOOKUP =
  /^lookup$|(types?|typeid|typename|statuses|categories|categoryid|severities|sources|availabilities|availabities|timezones|currencies)$/i
/** Bookings reserve a pool car: the body's vehicle need not be assigned to the user. */
const POOL_BOOKING_ENTITIES = new Set(['vehiclecalendar', 'booking'])

function segments(tool: Tool): string[] {
  return tool.path.split('/').filter((segment) => segment && !segment.startsWith('{'))
}

function isAdmin(tool: Tool): boolean {
  if (ADMIN_ENTITIES.has(tool.entity.toLowerCase())) return true
  return segments(tool).some((segment) => ADMIN_SEGMENTS.has(segment.toLowerCase()))
}

function isReference(tool: Tool): boolean {
  if (tool.entity.toLowerCase() === 'lookup')
    return segments(tool).every((segment) => REFERENCE_LOOKUP.test(segment))
  return REFERENCE_ENTITY.test(tool.entity)
}

function ownerFields(fields: readonly { name: string }[]) {
  return {
    personFields: fields.filter((field) => isPersonIdField(field.name)).map((field) => field.name),
    vehicleFields: fields.filter((field) => isVehicleIdField(field.name)).map((field) => field.name),
  }
}

/** `/X/{id}` paths: one record named by the caller. */
function namesOneRecord(tool: Tool): boolean {
  return tool.parameters.some((parameter) => parameter.in === 'path' && !parameter.context)
}

function hasPersonParameter(tool: Tool): boolean {
  return tool.parameters.some((parameter) => parameter.context === 'person')
}

export function classifyTool(tool: Tool, registry?: ToolRegistry): ToolAccess {
  const base = {
    personFields: [] as string[],
    vehicleFields: [] as string[],
    bodyPersonFields: [] as string[],
    bodyVehicleFields: [] as string[],
    poolVehicle: false,
  }
  if (isAdmin(tool)) return { ...base, kind: 'admin' }
  if (tool.readOnly) {
    const owners = ownerFields(tool.responseFields)
    const attributable = owners.personFields.length > 0 || owners.vehicleFields.length > 0
    if (isReference(tool) && !attributable) return { ...base, kind: 'reference' }
    if (hasPersonParameter(tool) && !namesOneRecord(tool)) return { ...base, ...owners, kind: 'person-read' }
    if (!attributable) return { ...base, kind: 'tenant-read' }
    return { ...base, ...owners, kind: namesOneRecord(tool) ? 'own-record' : 'own-list' }
  }
  const body = ownerFields(tool.requestBody)
  const bodyFields = {
    bodyPersonFields: [
      ...body.personFields,
      ...tool.requestBody.filter((field) => field.context === 'person').map((field) => field.name),
    ].filter((name, index, all) => all.indexOf(name) === index),
    bodyVehicleFields: body.vehicleFields,
    poolVehicle: POOL_BOOKING_ENTITIES.has(tool.entity.toLowerCase()),
  }
  if (namesOneRecord(tool)) {
    // The target must be readable by id and attributable, else nobody but the fleet changes it.
    const target = registry
      ?.familyOf(tool.entity)
      .find(
        (candidate) =>
          candidate.method === 'get' && candidate.path === tool.path && candidate.service === tool.service,
      )
    const owners = target ? ownerFields(target.responseFields) : undefined
    if (!target || !owners || (owners.personFields.length === 0 && owners.vehicleFields.length === 0))
      return { ...base, kind: 'tenant-write' }
    return { ...base, ...owners, ...bodyFields, kind: 'own-write', targetTool: target.id }
  }
  if (bodyFields.bodyPersonFields.length > 0 || bodyFields.bodyVehicleFields.length > 0)
    return { ...base, ...bodyFields, kind: 'own-write' }
  return { ...base, kind: 'tenant-write' }
}

/** Every tool's access, computed once per registry. */
export class ToolAccessTable {
  private readonly byTool = new Map<string, ToolAccess>()
  private readonly byRoute = new Map<string, Tool>()

  constructor(readonly registry: ToolRegistry) {
    for (const tool of registry.all()) {
      this.byTool.set(tool.id, classifyTool(tool, registry))
      this.byRoute.set(routeKey(tool.method, tool.service, tool.path), tool)
    }
  }

  of(tool: Tool): ToolAccess {
    return this.byTool.get(tool.id) ?? classifyTool(tool, this.registry)
  }

  /** The tool behind a request: method, service and path template, as the fleet client sends them. */
  route(method: string, service: string, path: string): Tool | undefined {
    return this.byRoute.get(routeKey(method, service, path))
  }
}

function routeKey(method: string, service: string, path: string): string {
  return `${method.toLowerCase()} ${service.toLowerCase()} ${path.toLowerCase()}`
}
