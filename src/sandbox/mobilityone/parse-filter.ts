import { badRequest } from './sandbox-problem.ts'

export const FILTER_OPERATORS = [
  '=',
  'contains',
  '~',
  'startsWith',
  'endsWith',
  '>',
  '<',
  '>=',
  '<=',
] as const
export type FilterOperator = (typeof FILTER_OPERATORS)[number]

export interface FilterCondition {
  field: string
  operator: FilterOperator
  value: string
}

const OPERATORS_BY_LOWER = new Map<string, FilterOperator>(
  FILTER_OPERATORS.map((operator) => [operator.toLowerCase(), operator]),
)
const FIELD = /^[A-Za-z_][A-Za-z0-9_.]*$/

/**
 * Parses one `Field(op)value` condition. The value is everything after the operator's closing
 * parenthesis, so `)` and `,` inside it need no escaping; a client that escapes anyway with a
 * backslash (`\)`, `\(`, `\,`, `\\`) gets the unescaped character. Any other backslash is
 * literal.
 */
export function parseFilter(raw: string): FilterCondition {
  const open = raw.indexOf('(')
  if (open < 0)
    throw badRequest(`Invalid filter '${raw}': expected Field(operator)value, e.g. Phone(=)0912345678`)
  const close = raw.indexOf(')', open + 1)
  if (close < 0) throw badRequest(`Invalid filter '${raw}': the operator is not closed with ')'`)
  const field = raw.slice(0, open).trim()
  if (!FIELD.test(field)) {
    throw badRequest(
      `Invalid filter '${raw}': '${field}' is not a column name (expected Field(operator)value)`,
    )
  }
  // `>=` and `<=` contain no ')' so the first ')' after '(' always ends the operator.
  const operatorText = raw.slice(open + 1, close)
  const operator = OPERATORS_BY_LOWER.get(operatorText.toLowerCase())
  if (!operator) {
    throw badRequest(
      `Invalid filter '${raw}': unknown operator '(${operatorText})'; supported: ${FILTER_OPERATORS.map((op) => `(${op})`).join(' ')}`,
    )
  }
  const value = unescapeFilterValue(raw.slice(close + 1))
  if (value.length === 0) throw badRequest(`Invalid filter '${raw}': the value after (${operator}) is empty`)
  return { field, operator, value }
}

const ESCAPABLE = new Set(['\\', '(', ')', ','])

export function unescapeFilterValue(text: string): string {
  if (!text.includes('\\')) return text
  let out = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    const next = text[index + 1]
    if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      out += next
      index++
    } else {
      out += char
    }
  }
  return out
}
