import { type FilterCondition, parseFilter } from './parse-filter.ts'
import type { QueryParameters } from './query-parameters.ts'
import { SANDBOX_DEFAULT_ROWS, SANDBOX_MAX_ROWS } from './sandbox-constants.ts'
import type { FieldSpec, FieldSpecs } from './sandbox-fields.ts'
import { badRequest } from './sandbox-problem.ts'
import { parseApiDateTime } from './tenant-time.ts'

/** A condition bound to a known column, with its value already converted for comparison. */
interface BoundCondition extends FilterCondition {
  column: string
  spec: FieldSpec
  comparable: string | number | boolean
}

export interface ListQuery {
  first: number
  rows: number
  sort: { column: string; spec: FieldSpec; order: 1 | -1 } | null
  /** Conditions on columns named in UseANDFor: every one must hold. */
  all: BoundCondition[]
  /** The other conditions: at least one must hold (when there are any). */
  any: BoundCondition[]
}

export interface ListResult<Row> {
  Data: Row[]
  Count: number
}

/** Paging parameter names differ in case on a few endpoints (`filter` on /Agg): lookups ignore case. */
export function parseListQuery<Row>(parameters: QueryParameters, fields: FieldSpecs<Row>): ListQuery {
  const columns = columnIndex(fields)
  const first = integerParameter(parameters, 'First', 0)
  if (first < 0) throw badRequest(`First must be 0 or more, got ${first}`)
  const requestedRows = integerParameter(parameters, 'Rows', SANDBOX_DEFAULT_ROWS)
  if (requestedRows < 1)
    throw badRequest(`Rows must be between 1 and ${SANDBOX_MAX_ROWS}, got ${requestedRows}`)
  const rows = Math.min(requestedRows, SANDBOX_MAX_ROWS)

  let sort: ListQuery['sort'] = null
  const sortName = parameters.first('Sort')
  if (sortName) {
    const column = columns.get(sortName.trim().toLowerCase())
    if (!column)
      throw badRequest(`Cannot sort by unknown column '${sortName}'; columns: ${knownColumns(fields)}`)
    const orderText = parameters.first('SortOrder') ?? '1'
    if (orderText !== '1' && orderText !== '-1')
      throw badRequest(`SortOrder must be 1 or -1, got '${orderText}'`)
    sort = { column, spec: fields[column as keyof Row], order: orderText === '1' ? 1 : -1 }
  }

  const andColumns = new Set<string>()
  for (const entry of parameters.all('UseANDFor')) {
    for (const name of entry.split(',')) {
      if (name.trim() === '') continue
      const column = columns.get(name.trim().toLowerCase())
      if (!column)
        throw badRequest(`UseANDFor names unknown column '${name}'; columns: ${knownColumns(fields)}`)
      andColumns.add(column)
    }
  }

  const all: BoundCondition[] = []
  const any: BoundCondition[] = []
  for (const raw of parameters.all('Filter')) {
    const condition = parseFilter(raw)
    const column = columns.get(condition.field.toLowerCase())
    if (!column) {
      throw badRequest(
        `Invalid filter '${raw}': unknown column '${condition.field}'; columns: ${knownColumns(fields)}`,
      )
    }
    const bound = bindCondition(condition, column, fields[column as keyof Row], raw)
    if (andColumns.has(column)) all.push(bound)
    else any.push(bound)
  }
  return { first, rows, sort, all, any }
}

export function applyListQuery<Row>(rows: Iterable<Row>, query: ListQuery): ListResult<Row> {
  const matching: Row[] = []
  for (const row of rows) if (matchesQuery(row, query)) matching.push(row)
  if (query.sort) {
    const { column, spec, order } = query.sort
    matching.sort((left, right) => order * compareValues(cell(left, column), cell(right, column), spec))
  }
  return { Data: matching.slice(query.first, query.first + query.rows), Count: matching.length }
}

export function matchesQuery<Row>(row: Row, query: ListQuery): boolean {
  for (const condition of query.all)
    if (!matchesCondition(cell(row, condition.column), condition)) return false
  if (query.any.length === 0) return true
  for (const condition of query.any) if (matchesCondition(cell(row, condition.column), condition)) return true
  return false
}

function cell<Row>(row: Row, column: string): unknown {
  return (row as Record<string, unknown>)[column]
}

const collator = new Intl.Collator('hr', { sensitivity: 'accent' })

function bindCondition(
  condition: FilterCondition,
  column: string,
  spec: FieldSpec,
  raw: string,
): BoundCondition {
  const ordering = ['>', '<', '>=', '<='].includes(condition.operator)
  let comparable: string | number | boolean = condition.value
  if (condition.operator === '=' || ordering) {
    switch (spec.type) {
      case 'integer':
      case 'number': {
        const numeric = Number(condition.value)
        if (condition.value.trim() === '' || !Number.isFinite(numeric)) {
          throw badRequest(
            `Invalid filter '${raw}': ${column} is numeric, '${condition.value}' is not a number`,
          )
        }
        comparable = numeric
        break
      }
      case 'boolean':
        if (!/^(true|false)$/i.test(condition.value)) {
          throw badRequest(`Invalid filter '${raw}': ${column} is true/false, got '${condition.value}'`)
        }
        comparable = condition.value.toLowerCase() === 'true'
        break
      case 'date':
      case 'date-time': {
        const parsed = parseApiDateTime(condition.value)
        if (!parsed) {
          throw badRequest(
            `Invalid filter '${raw}': ${column} is a date, '${condition.value}' is not YYYY-MM-DD[THH:MM:SS]`,
          )
        }
        comparable = spec.type === 'date' ? parsed.slice(0, 10) : parsed
        break
      }
      case 'any':
        if (ordering)
          throw badRequest(
            `Invalid filter '${raw}': ${column} cannot be compared with (${condition.operator})`,
          )
        break
      default:
        comparable = condition.value
    }
  }
  return { ...condition, column, spec, comparable }
}

function matchesCondition(value: unknown, condition: BoundCondition): boolean {
  if (value === null || value === undefined) return false
  const { operator, spec, comparable } = condition
  if (operator === '=' || operator === '>' || operator === '<' || operator === '>=' || operator === '<=') {
    const cellValue = normaliseCell(value, spec)
    // Equality of text is exact apart from letter case (SQL Server's CI_AS collation).
    if (operator === '=' && typeof cellValue === 'string')
      return lower(cellValue) === lower(String(comparable))
    const order = compareValues(cellValue, comparable, spec)
    switch (operator) {
      case '=':
        return order === 0
      case '>':
        return order > 0
      case '<':
        return order < 0
      case '>=':
        return order >= 0
      default:
        return order <= 0
    }
  }
  const haystack = lower(typeof value === 'string' ? value : JSON.stringify(value))
  const needle = lower(condition.value)
  switch (operator) {
    case 'contains':
      return haystack.includes(needle)
    case 'startsWith':
      return haystack.startsWith(needle)
    case 'endsWith':
      return haystack.endsWith(needle)
    default: {
      // (~) is the name search: every word, ignoring case and diacritics, in any order.
      const folded = fold(haystack)
      return fold(needle)
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => folded.includes(word))
    }
  }
}

function normaliseCell(value: unknown, spec: FieldSpec): unknown {
  if (spec.type === 'date' && typeof value === 'string') return value.slice(0, 10)
  if (spec.type === 'any') return JSON.stringify(value)
  return value
}

/** Nulls sort first, as in SQL Server; strings compare case-insensitively in Croatian order. */
function compareValues(left: unknown, right: unknown, spec: FieldSpec): number {
  if (left === null || left === undefined) return right === null || right === undefined ? 0 : -1
  if (right === null || right === undefined) return 1
  if (typeof left === 'number' && typeof right === 'number') return left - right
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right)
  if (spec.type === 'date' || spec.type === 'date-time' || spec.type === 'uuid') {
    const a = String(left).toLowerCase()
    const b = String(right).toLowerCase()
    return a < b ? -1 : a > b ? 1 : 0
  }
  return collator.compare(String(left), String(right))
}

function integerParameter(parameters: QueryParameters, name: string, fallback: number): number {
  const text = parameters.first(name)
  if (text === undefined || text === '') return fallback
  if (!/^-?\d+$/.test(text.trim())) throw badRequest(`${name} must be an integer, got '${text}'`)
  return Number(text)
}

const columnIndexes = new WeakMap<object, Map<string, string>>()

function columnIndex<Row>(fields: FieldSpecs<Row>): Map<string, string> {
  let index = columnIndexes.get(fields)
  if (!index) {
    index = new Map(Object.keys(fields).map((name) => [name.toLowerCase(), name]))
    columnIndexes.set(fields, index)
  }
  return index
}

function knownColumns<Row>(fields: FieldSpecs<Row>): string {
  return Object.keys(fields).join(', ')
}

function lower(text: string): string {
  return text.toLocaleLowerCase('hr')
}

export function fold(text: string): string {
  return text
    .replace(/đ/g, 'dj')
    .replace(/Đ/g, 'Dj')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}
