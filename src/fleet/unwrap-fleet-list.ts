import type { FleetList } from '../ports/fleet-api.ts'
import { FleetProtocolError } from './fleet-errors.ts'

/** `{Data, Count}` envelope, a bare array, a bare object (one item) or nothing (204) -> items + count. */
export function unwrapFleetList<T>(body: unknown, operation: string): FleetList<T> {
  if (body === undefined || body === null) return { items: [], count: 0 }
  if (Array.isArray(body)) return { items: body as T[], count: body.length }
  if (typeof body !== 'object') {
    throw new FleetProtocolError(`${operation} returned ${typeof body} where a list was expected`, {
      operation,
    })
  }
  const record = body as { Data?: unknown; Count?: unknown; data?: unknown; count?: unknown }
  const data = record.Data ?? record.data
  if (Array.isArray(data)) {
    const count = Number(record.Count ?? record.count)
    return { items: data as T[], count: Number.isFinite(count) ? count : data.length }
  }
  if (data !== undefined && data !== null && typeof data === 'object') return { items: [data as T], count: 1 }
  if ('Data' in record || 'data' in record) return { items: [], count: 0 }
  return { items: [body as T], count: 1 }
}
