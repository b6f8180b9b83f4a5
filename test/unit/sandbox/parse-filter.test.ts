import { describe, expect, it } from 'vitest'
import {
  FILTER_OPERATORS,
  parseFilter,
  unescapeFilterValue,
} from '../../../src/sandbox/mobilityone/parse-filter.ts'
import { SandboxProblem } from '../../../src/sandbox/mobilityone/sandbox-problem.ts'

function problemOf(action: () => unknown): SandboxProblem {
  try {
    action()
  } catch (error) {
    if (error instanceof SandboxProblem) return error
    throw error
  }
  throw new Error('expected a SandboxProblem')
}

describe('parseFilter', () => {
  it.each(FILTER_OPERATORS.map((operator) => [operator]))('parses the (%s) operator', (operator) => {
    expect(parseFilter(`LastMileage(${operator})45000`)).toEqual({
      field: 'LastMileage',
      operator,
      value: '45000',
    })
  })

  it('accepts operators in any letter case and returns the canonical spelling', () => {
    expect(parseFilter('Name(STARTSWITH)Iv').operator).toBe('startsWith')
    expect(parseFilter('Name(EndsWith)an').operator).toBe('endsWith')
    expect(parseFilter('Name(CONTAINS)va').operator).toBe('contains')
  })

  it('keeps ) and , inside the value without escaping', () => {
    expect(parseFilter('Description(contains)a)b,c(d)').value).toBe('a)b,c(d)')
    expect(parseFilter('Phone(=)+385 91 234 5678').value).toBe('+385 91 234 5678')
  })

  it('unescapes backslash-escaped ( ) , and \\ in the value', () => {
    expect(parseFilter('Description(contains)a\\)b\\,c\\(d\\\\e').value).toBe('a)b,c(d\\e')
    expect(unescapeFilterValue('C:\\temp')).toBe('C:\\temp')
  })

  it('keeps a value that contains an operator-looking text', () => {
    expect(parseFilter('Description(=)x(>=)y')).toEqual({
      field: 'Description',
      operator: '=',
      value: 'x(>=)y',
    })
  })

  it.each([
    ['Phone=0912345678', 'expected Field(operator)value'],
    ['Phone(=0912345678', 'not closed'],
    ['(=)0912345678', 'not a column name'],
    ['Pho ne(=)1', 'not a column name'],
    ['Phone(like)1', "unknown operator '(like)'"],
    ['Phone(!=)1', "unknown operator '(!=)'"],
    ['Phone(=)', 'value after (=) is empty'],
  ])('rejects %s with a 400 that says why', (raw, message) => {
    const problem = problemOf(() => parseFilter(raw))
    expect(problem.status).toBe(400)
    expect(problem.message).toContain(message)
  })
})
