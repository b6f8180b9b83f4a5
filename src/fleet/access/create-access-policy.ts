import type { AccessPolicy, AccessSubject, PlannedWrite, ScopedFleet } from '../../ports/access-policy.ts'
import type { FleetApi, FleetRequest, ListOptions } from '../../ports/fleet-api.ts'
import type { Tool } from '../../registry/tool.ts'
import type { ToolRegistry } from '../../registry/tool-registry.ts'
import { extractPlates, plateKey } from '../../understanding/entities/extract-plates.ts'
import { AccessDeniedError, FleetNotFoundError } from '../fleet-errors.ts'
import { unwrapFleetList } from '../unwrap-fleet-list.ts'
import { type ToolAccess, ToolAccessTable } from './classify-tool.ts'
import {
  fieldValue,
  OWNER_FIELDS_OF_KIND,
  type OwnedKind,
  ownedByPerson,
  ownedByVehicle,
} from './ownership-fields.ts'

export interface AccessPolicyOptions {
  /** The unscoped client: only the policy holds it. */
  fleet: FleetApi
  /** Without a registry only the template operations (the named helpers) are possible. */
  registry?: ToolRegistry
  /** Tenant-wide tools a driver may use (default: the free-car search the booking flow needs). */
  driverTools?: readonly string[]
  /** Administrative and side-effect tools opened to fleet roles (default: none). */
  fleetAdminTools?: readonly string[]
}

export const DEFAULT_DRIVER_TOOLS: readonly string[] = ['get_AvailableVehicles']

const DELETE_PATHS: Readonly<Record<OwnedKind, string>> = {
  booking: '/VehicleCalendar/{id}',
  case: '/Cases/{id}',
  trip: '/Trips/{id}',
  expense: '/Expenses/{id}',
}

/** Said the same way whether the record exists or belongs to someone else (no existence oracle). */
function notFound(operation: string): FleetNotFoundError {
  return new FleetNotFoundError('no such record for this user', { operation, status: 404, sent: false })
}

function denied(operation: string, why: string): AccessDeniedError {
  return new AccessDeniedError(`access denied: ${why}`, { operation, status: 403 })
}

type Row = Record<string, unknown>

/**
 * One policy in front of every MobilityOne call of a user turn (templates, generic tools, the LLM
 * path): context parameters forced to the user's own, lists filtered by owner, single records
 * fetched and checked, write targets checked before the change, tenant-wide and administrative
 * tools only for the roles allowed them. Decided from the registry, never from the caller.
 */
export function createAccessPolicy(options: AccessPolicyOptions): AccessPolicy {
  const table = options.registry ? new ToolAccessTable(options.registry) : undefined
  const driverTools = new Set(options.driverTools ?? DEFAULT_DRIVER_TOOLS)
  const fleetAdminTools = new Set(options.fleetAdminTools ?? [])
  const inner = options.fleet

  return {
    forUser(subject: AccessSubject): ScopedFleet {
      const vehicleIds = new Set(subject.vehicles.map((vehicle) => vehicle.id.toLowerCase()))
      const plates = new Set(
        subject.vehicles.flatMap((vehicle) => (vehicle.plate ? [plateKey(vehicle.plate)] : [])),
      )
      const isFleet = subject.role === 'fleet'
      const scoped = (listOptions?: ListOptions) => ({ ...listOptions, tenantId: subject.tenantId })

      const owns = (record: Row, access: Pick<ToolAccess, 'personFields' | 'vehicleFields'>) =>
        ownedByPerson(record, access.personFields, subject.personId) ||
        ownedByVehicle(record, access.vehicleFields, vehicleIds)

      function allows(tool: Tool, access = table?.of(tool)): boolean {
        if (!access) return false
        switch (access.kind) {
          case 'admin':
            return isFleet ? fleetAdminTools.has(tool.id) : false
          case 'tenant-read':
          case 'tenant-write':
            return isFleet || driverTools.has(tool.id)
          default:
            return true
        }
      }

      /** Plates written into a change must be the user's: the API attaches a case to a plate it reads. */
      function checkPlates(values: unknown, operation: string): void {
        const texts: string[] = []
        if (typeof values === 'string') texts.push(values)
        else if (values && typeof values === 'object')
          for (const value of Object.values(values)) if (typeof value === 'string') texts.push(value)
        for (const text of texts)
          for (const mention of extractPlates(text))
            if (!plates.has(mention.key)) throw denied(operation, 'a vehicle that is not the user’s')
      }

      // Free cars this turn's availability reads returned, per period: a booking must name one.
      const freeSeen = new Map<string, Set<string>>()
      async function availableVehicles(from: string, to: string, listOptions?: ListOptions) {
        const list = await inner.getAvailableVehicles(from, to, scoped(listOptions))
        freeSeen.set(`${from}|${to}`, new Set(list.items.map((vehicle) => String(vehicle.Id).toLowerCase())))
        return list
      }
      /** A booked car is a free pool car for that period (or one of the user's own). */
      async function requireBookable(vehicleId: unknown, from: unknown, to: unknown, operation: string) {
        if (typeof vehicleId !== 'string' && typeof vehicleId !== 'number') throw notFound(operation)
        const id = String(vehicleId).toLowerCase()
        if (vehicleIds.has(id)) return
        if (typeof from !== 'string' || typeof to !== 'string') throw notFound(operation)
        let free = freeSeen.get(`${from}|${to}`)
        if (!free) {
          await availableVehicles(from, to)
          free = freeSeen.get(`${from}|${to}`)
        }
        if (!free?.has(id)) throw notFound(operation)
      }

      function requireOwnVehicle(value: unknown, operation: string): void {
        if (typeof value !== 'string' && typeof value !== 'number') throw notFound(operation)
        if (!vehicleIds.has(String(value).toLowerCase())) throw notFound(operation)
      }

      /** The request as this user may send it, with the tool behind it; throws when not allowed. */
      async function prepare(
        request: FleetRequest,
      ): Promise<{ request: FleetRequest; tool: Tool; access: ToolAccess }> {
        const operation = request.operation ?? `${request.method} ${request.service}${request.path}`
        const tool = table?.route(request.method, request.service, request.path)
        if (!tool || !table) throw denied(operation, 'an operation outside the registry')
        const access = table.of(tool)
        if (!allows(tool, access)) throw denied(operation, `${access.kind} tool for role ${subject.role}`)
        const pathParams = { ...request.pathParams }
        const query = { ...request.query }
        for (const parameter of tool.parameters) {
          const bag = parameter.in === 'path' ? pathParams : parameter.in === 'query' ? query : undefined
          if (!bag) continue
          if (parameter.context === 'person') bag[parameter.name] = subject.personId
          else if (parameter.context === 'tenant') bag[parameter.name] = subject.tenantId
          else if (parameter.context === 'vehicle' && !isFleet) {
            const given = bag[parameter.name]
            if (given === undefined && subject.vehicles.length === 1)
              bag[parameter.name] = subject.vehicles[0]!.id
            else if (given !== undefined || parameter.required) requireOwnVehicle(given, operation)
          }
        }
        const prepared: FleetRequest = {
          ...request,
          pathParams: pathParams as Record<string, string | number>,
          query,
          tenantId: subject.tenantId,
        }
        if (isFleet) return { request: prepared, tool, access }

        if (
          access.kind === 'own-list' &&
          access.personFields.length > 0 &&
          tool.parameters.some((p) => p.name.toLowerCase() === 'filter')
        )
          prepared.filters = [{ field: access.personFields[0]!, op: '=', value: subject.personId }]
        if (!tool.readOnly) {
          const body = prepared.body && typeof prepared.body === 'object' ? { ...(prepared.body as Row) } : {}
          for (const field of access.bodyPersonFields) body[field] = subject.personId
          if (access.poolVehicle) {
            for (const field of access.bodyVehicleFields)
              await requireBookable(
                fieldValue(body, field),
                fieldValue(body, 'FromTime'),
                fieldValue(body, 'ToTime'),
                operation,
              )
          } else {
            for (const field of access.bodyVehicleFields)
              if (
                fieldValue(body, field) !== undefined ||
                tool.requestBody.find((f) => f.name === field)?.required
              )
                requireOwnVehicle(fieldValue(body, field), operation)
            checkPlates(body, operation)
          }
          if (tool.method !== 'delete') prepared.body = body
          if (access.targetTool) {
            // The target is read and checked before anything changes.
            const target = await inner.request<unknown>({
              ...prepared,
              method: 'GET',
              body: undefined,
              operation: access.targetTool,
            })
            const record = unwrapFleetList<Row>(target, operation).items[0]
            if (!record || !owns(record, access)) throw notFound(operation)
          }
        }
        return { request: prepared, tool, access }
      }

      function filterResult(result: unknown, access: ToolAccess, operation: string): unknown {
        if (isFleet) return result
        if (access.kind === 'own-record') {
          const record =
            result && typeof result === 'object' && !Array.isArray(result) ? (result as Row) : undefined
          // A record may come bare or wrapped in `{Data: {...}}`.
          const checked =
            record && typeof record.Data === 'object' && record.Data && !Array.isArray(record.Data)
              ? (record.Data as Row)
              : record
          if (!checked || !owns(checked, access)) throw notFound(operation)
          return result
        }
        if (
          access.kind !== 'own-list' &&
          !(
            access.kind === 'person-read' &&
            (access.personFields.length > 0 || access.vehicleFields.length > 0)
          )
        )
          return result
        if (Array.isArray(result))
          return (result as Row[]).filter((row) => row && typeof row === 'object' && owns(row, access))
        if (result && typeof result === 'object') {
          const envelope = result as { Data?: unknown; Count?: unknown }
          if (Array.isArray(envelope.Data)) {
            const rows = (envelope.Data as Row[]).filter(
              (row) => row && typeof row === 'object' && owns(row, access),
            )
            return {
              ...envelope,
              Data: rows,
              Count: rows.length === envelope.Data.length ? envelope.Count : rows.length,
            }
          }
          // A bare object where a list was documented: one row, checked like a record.
          return owns(result as Row, access) ? result : { Data: [], Count: 0 }
        }
        return result
      }

      async function request<T>(call: FleetRequest): Promise<T> {
        const { request: prepared, tool, access } = await prepare(call)
        const operation = prepared.operation ?? tool.id
        const result = await inner.request<unknown>(prepared)
        return (tool.readOnly ? filterResult(result, access, operation) : result) as T
      }

      /** One of the user's own items, read by id and checked (the target of a delete). */
      async function requireOwnRecord(
        kind: OwnedKind,
        id: string | number,
        listOptions?: ListOptions,
      ): Promise<void> {
        const path = DELETE_PATHS[kind]
        const operation = `DELETE vehiclemgt${path}`
        let record: Row | undefined
        try {
          const body = await inner.request<unknown>({
            service: 'vehiclemgt',
            method: 'GET',
            path,
            pathParams: { id },
            tenantId: subject.tenantId,
            signal: listOptions?.signal,
          })
          record = unwrapFleetList<Row>(body, operation).items[0]
        } catch (error) {
          if (error instanceof FleetNotFoundError) throw notFound(operation)
          throw error
        }
        if (!record || !ownedByPerson(record, OWNER_FIELDS_OF_KIND[kind], subject.personId))
          throw notFound(operation)
      }

      /** Deletes one of the user's own items: read by id, checked, then deleted. */
      async function deleteOwn(
        kind: OwnedKind,
        id: string | number,
        listOptions?: ListOptions,
      ): Promise<void> {
        await requireOwnRecord(kind, id, listOptions)
        const options = scoped(listOptions)
        if (kind === 'booking') return inner.deleteBooking(id, options)
        if (kind === 'case') return inner.deleteCase(id, options)
        if (kind === 'trip') return inner.deleteTrip(id, options)
        return inner.deleteExpense(id, options)
      }

      const BOOKING_OPERATION = 'POST vehiclemgt/VehicleCalendar'
      const MILEAGE_OPERATION = 'POST automation/AddMileage'
      const CASE_OPERATION = 'POST automation/AddCase'

      return {
        allows: (tool) => allows(tool),
        async check(call) {
          await prepare(call)
        },
        async checkWrite(write: PlannedWrite, listOptions?: ListOptions) {
          switch (write.kind) {
            case 'booking':
              return requireBookable(
                write.booking.vehicleId,
                write.booking.from,
                write.booking.to,
                BOOKING_OPERATION,
              )
            case 'mileage':
              return requireOwnVehicle(write.mileage.vehicleId, MILEAGE_OPERATION)
            case 'case':
              return checkPlates(
                { subject: write.newCase.subject, message: write.newCase.message },
                CASE_OPERATION,
              )
            case 'delete':
              return requireOwnRecord(write.record, write.id, listOptions)
          }
        },
        request,
        async list(call) {
          const body = await request<unknown>({ ...call, method: 'GET', paging: call.paging ?? {} })
          return unwrapFleetList(body, call.operation ?? `GET ${call.service}${call.path}`)
        },
        async findPersonsByPhones() {
          // Identification runs before a user is known, on the unscoped client; a user never searches people.
          throw denied('GET tenantmgt/Persons', 'people search')
        },
        getMasterData: (_personId, listOptions) => inner.getMasterData(subject.personId, scoped(listOptions)),
        getAvailableVehicles: availableVehicles,
        async createBooking(booking, listOptions) {
          await requireBookable(booking.vehicleId, booking.from, booking.to, BOOKING_OPERATION)
          return inner.createBooking({ ...booking, personId: subject.personId }, scoped(listOptions))
        },
        listBookings: (_personId, listOptions) => inner.listBookings(subject.personId, scoped(listOptions)),
        listCases: (_personId, listOptions) => inner.listCases(subject.personId, scoped(listOptions)),
        listTrips: (_personId, listOptions) => inner.listTrips(subject.personId, scoped(listOptions)),
        listExpenses: (_personId, listOptions) => inner.listExpenses(subject.personId, scoped(listOptions)),
        deleteBooking: (id, listOptions) => deleteOwn('booking', id, listOptions),
        deleteCase: (id, listOptions) => deleteOwn('case', id, listOptions),
        deleteTrip: (id, listOptions) => deleteOwn('trip', id, listOptions),
        deleteExpense: (id, listOptions) => deleteOwn('expense', id, listOptions),
        async addMileage(mileage, listOptions) {
          requireOwnVehicle(mileage.vehicleId, MILEAGE_OPERATION)
          return inner.addMileage(mileage, scoped(listOptions))
        },
        async addCase(newCase, listOptions) {
          checkPlates({ subject: newCase.subject, message: newCase.message }, CASE_OPERATION)
          return inner.addCase({ ...newCase, personId: subject.personId }, scoped(listOptions))
        },
        getPersonData: (_personIdOrEmail, listOptions) =>
          inner.getPersonData(subject.personId, scoped(listOptions)),
      }
    },
  }
}
