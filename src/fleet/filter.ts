import type { FilterCondition, FilterOperator, QueryValue } from '../ports/fleet-api.ts'

// Column names are identifiers; rejecting anything else means no user text can become a field.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/

export class FilterFieldError extends Error {
  readonly code = 'M1_ERR_FLEET_FILTER_FIELD'
  override name = 'FilterFieldError'
}

function condition(field: string, op: FilterOperator, value: QueryValue): FilterCondition {
  if (!FIELD_NAME.test(field))
    throw new FilterFieldError(`invalid filter field name: ${JSON.stringify(field)}`)
  return Object.freeze({ field, op, value: stringifyFilterValue(value) })
}

/** Dates become ISO 8601 local `YYYY-MM-DDTHH:MM:SS` as the API expects; null is the empty string. */
export function stringifyFilterValue(value: QueryValue): string {
  if (value === undefined || value === null) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 19)
  return String(value)
}

/** Typed `Filter` builder: `filter.eq('Phone', phone)`. Values are escaped when the URL is built. */
export const filter = {
  eq: (field: string, value: QueryValue) => condition(field, '=', value),
  contains: (field: string, value: QueryValue) => condition(field, 'contains', value),
  /** Name search (`(~)`). */
  like: (field: string, value: QueryValue) => condition(field, '~', value),
  startsWith: (field: string, value: QueryValue) => condition(field, 'startsWith', value),
  endsWith: (field: string, value: QueryValue) => condition(field, 'endsWith', value),
  gt: (field: string, value: QueryValue) => condition(field, '>', value),
  lt: (field: string, value: QueryValue) => condition(field, '<', value),
  gte: (field: string, value: QueryValue) => condition(field, '>=', value),
  lte: (field: string, value: QueryValue) => condition(field, '<=', value),
} as const

/** Strict RFC 3986 component encoding (also `!'()*`), so a value can never look like an operator. */
export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * `Field(op)value` for the query string. The API rejects `%3D` inside the operator, so the
 * operator's parentheses and `=` stay literal; the field is a validated identifier and the value
 * is percent-encoded (a `=` in the value becomes `%3D`).
 */
export function encodeFilterCondition(condition: FilterCondition): string {
  const op = condition.op.replace(/[^=]/g, (char) => encodeQueryComponent(char))
  return `${condition.field}(${op})${encodeQueryComponent(condition.value)}`
}
