import type { FilterCondition, FleetRequest, QueryValue } from '../ports/fleet-api.ts'
import { encodeFilterCondition, encodeQueryComponent, stringifyFilterValue } from './filter.ts'

export interface PagingLimits {
  /** Rows when the caller does not say. */
  defaultRows: number
  /** Upper bound for any `Rows`, whoever asks. */
  maxRows: number
}

// Names the API treats specially; a plain `query` entry with one of these names is normalised too.
const FIRST = 'First'
const ROWS = 'Rows'

function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  const number = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(number)) return fallback
  return Math.min(max, Math.max(min, Math.trunc(number)))
}

/**
 * Query string (without `?`) for a fleet request: plain parameters (arrays repeated), `Filter`
 * conditions as repeated parameters, `UseANDFor`, `Sort`/`SortOrder` and, for list reads,
 * `First`/`Rows` always present and bounded.
 */
export function buildFleetQuery(
  request: Pick<FleetRequest, 'query' | 'filters' | 'useAndFor' | 'paging' | 'sort'>,
  limits: PagingLimits,
): string {
  const parts: string[] = []
  let first: unknown
  let rows: unknown
  let hasPaging = request.paging !== undefined
  for (const [name, raw] of Object.entries(request.query ?? {})) {
    const lower = name.toLowerCase()
    if (lower === 'first') {
      first = Array.isArray(raw) ? raw[0] : raw
      hasPaging = true
      continue
    }
    if (lower === 'rows') {
      rows = Array.isArray(raw) ? raw[0] : raw
      hasPaging = true
      continue
    }
    const values: readonly QueryValue[] = Array.isArray(raw) ? raw : [raw as QueryValue]
    for (const value of values) {
      if (value === undefined || value === null) continue
      parts.push(`${encodeQueryComponent(name)}=${encodeQueryComponent(stringifyFilterValue(value))}`)
    }
  }
  const filters: readonly FilterCondition[] = request.filters ?? []
  for (const condition of filters) parts.push(`Filter=${encodeFilterCondition(condition)}`)
  for (const field of request.useAndFor ?? []) parts.push(`UseANDFor=${encodeQueryComponent(field)}`)
  if (request.sort) {
    parts.push(`Sort=${encodeQueryComponent(request.sort.field)}`)
    parts.push(`SortOrder=${request.sort.order === 'desc' ? '-1' : '1'}`)
  }
  if (hasPaging) {
    const firstValue = clampInteger(request.paging?.first ?? first, 0, Number.MAX_SAFE_INTEGER, 0)
    const rowsValue = clampInteger(request.paging?.rows ?? rows, 1, limits.maxRows, limits.defaultRows)
    parts.push(`${FIRST}=${firstValue}`, `${ROWS}=${rowsValue}`)
  }
  return parts.join('&')
}
