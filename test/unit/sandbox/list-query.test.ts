import { describe, expect, it } from 'vitest'
import { applyListQuery, parseListQuery } from '../../../src/sandbox/mobilityone/list-query.ts'
import { parseQueryParameters } from '../../../src/sandbox/mobilityone/query-parameters.ts'
import type { FieldSpecs } from '../../../src/sandbox/mobilityone/sandbox-fields.ts'
import { SandboxProblem } from '../../../src/sandbox/mobilityone/sandbox-problem.ts'

interface Row {
  Id: number
  Name: string
  Phone: string | null
  Mobile: string | null
  Mileage: number
  When: string
  Day: string
}

const FIELDS: FieldSpecs<Row> = {
  Id: { type: 'integer' },
  Name: { type: 'string' },
  Phone: { type: 'string', nullable: true },
  Mobile: { type: 'string', nullable: true },
  Mileage: { type: 'integer' },
  When: { type: 'date-time' },
  Day: { type: 'date' },
}

const ROWS: Row[] = [
  {
    Id: 1,
    Name: 'Ivan Horvat',
    Phone: '+385 91 234 5678',
    Mobile: null,
    Mileage: 45_231,
    When: '2026-01-10T08:00:00',
    Day: '2026-01-10',
  },
  {
    Id: 2,
    Name: 'Ana Kovačević',
    Phone: null,
    Mobile: '0987654321',
    Mileage: 9_000,
    When: '2026-01-12T09:30:00',
    Day: '2026-01-12',
  },
  {
    Id: 3,
    Name: 'Marko Babić',
    Phone: '00385955551234',
    Mobile: null,
    Mileage: 112_480,
    When: '2026-01-15T16:00:00',
    Day: '2026-01-15',
  },
  {
    Id: 4,
    Name: 'Željka Šarić',
    Phone: '385921112233',
    Mobile: '0921112233',
    Mileage: 45_231,
    When: '2026-01-15T07:00:00',
    Day: '2026-01-15',
  },
  {
    Id: 5,
    Name: 'ivan babić',
    Phone: '0911111111',
    Mobile: null,
    Mileage: 0,
    When: '2025-12-31T23:59:59',
    Day: '2025-12-31',
  },
]

function run(query: string) {
  return applyListQuery(ROWS, parseListQuery(parseQueryParameters(`/x?${query}`), FIELDS))
}
const ids = (query: string) => run(query).Data.map((row) => row.Id)

function problemOf(action: () => unknown): SandboxProblem {
  try {
    action()
  } catch (error) {
    if (error instanceof SandboxProblem) return error
    throw error
  }
  throw new Error('expected a SandboxProblem')
}

describe('Filter operators', () => {
  it('(=) matches text exactly apart from letter case', () => {
    expect(ids('Filter=Name(=)ivan horvat')).toEqual([1])
    expect(ids('Filter=Name(=)Ivan')).toEqual([])
    expect(ids(`Filter=Phone(=)${encodeURIComponent('+385 91 234 5678')}`)).toEqual([1])
  })

  it('(=) compares numbers and dates by value', () => {
    expect(ids('Filter=Mileage(=)45231')).toEqual([1, 4])
    expect(ids('Filter=Mileage(=)45231.0')).toEqual([1, 4])
    expect(ids('Filter=Day(=)2026-01-15')).toEqual([3, 4])
  })

  it('(contains), (startsWith), (endsWith) ignore case', () => {
    expect(ids('Filter=Name(contains)BABIĆ')).toEqual([3, 5])
    expect(ids('Filter=Phone(startsWith)00385')).toEqual([3])
    expect(ids('Filter=Mobile(endsWith)2233')).toEqual([4])
  })

  it('(~) finds every word ignoring case and diacritics, in any order', () => {
    expect(ids('Filter=Name(~)babic')).toEqual([3, 5])
    expect(ids('Filter=Name(~)saric zeljka')).toEqual([4])
    expect(ids('Filter=Name(~)ivan babic')).toEqual([5])
  })

  it('(>) (<) (>=) (<=) compare numbers numerically and datetimes chronologically', () => {
    expect(ids('Filter=Mileage(>)45231')).toEqual([3])
    expect(ids('Filter=Mileage(>=)45231')).toEqual([1, 3, 4])
    expect(ids('Filter=Mileage(<)9000')).toEqual([5])
    expect(ids('Filter=Mileage(<=)9000')).toEqual([2, 5])
    expect(ids('Filter=When(>=)2026-01-15')).toEqual([3, 4])
    expect(ids('Filter=When(<)2026-01-12T09:30')).toEqual([1, 5])
  })

  it('null cells never match', () => {
    expect(ids('Filter=Mobile(contains)0')).toEqual([2, 4])
  })
})

describe('combining filters', () => {
  it('OR-s repeated Filter parameters by default', () => {
    expect(ids('Filter=Phone(=)0911111111&Filter=Mobile(=)0987654321&Filter=Phone(=)nobody')).toEqual([2, 5])
  })

  it('AND-s the columns named in UseANDFor and ORs the rest within that', () => {
    expect(ids('Filter=Mileage(>=)9000&Filter=Mileage(<=)50000&UseANDFor=Mileage')).toEqual([1, 2, 4])
    expect(
      ids('Filter=Day(=)2026-01-15&Filter=Name(contains)marko&Filter=Name(contains)ana&UseANDFor=Day'),
    ).toEqual([3])
    expect(ids('Filter=Mileage(>)1&Filter=Name(~)ivan&UseANDFor=Mileage,Name')).toEqual([1])
  })

  it('accepts column names in any letter case', () => {
    expect(ids('Filter=name(~)horvat&Sort=mileage')).toEqual([1])
  })
})

describe('paging and sorting', () => {
  it('counts every match but returns one page', () => {
    const page = run('First=1&Rows=2&Sort=Id')
    expect(page.Count).toBe(5)
    expect(page.Data.map((row) => row.Id)).toEqual([2, 3])
    expect(run('First=10&Rows=2').Data).toEqual([])
  })

  it('caps Rows at 500 and rejects Rows below 1 or a negative First', () => {
    const many = Array.from({ length: 700 }, (_, index) => ({ ...ROWS[0]!, Id: index }))
    const page = applyListQuery(many, parseListQuery(parseQueryParameters('/x?Rows=10000'), FIELDS))
    expect(page.Data).toHaveLength(500)
    expect(page.Count).toBe(700)
    expect(problemOf(() => run('Rows=0')).status).toBe(400)
    expect(problemOf(() => run('First=-1')).status).toBe(400)
    expect(problemOf(() => run('Rows=ten')).message).toContain('Rows must be an integer')
  })

  it('sorts ascending and descending, nulls first, text in Croatian order', () => {
    expect(ids('Sort=Mileage&SortOrder=-1')).toEqual([3, 1, 4, 2, 5])
    expect(ids('Sort=Mobile')).toEqual([1, 3, 5, 4, 2])
    expect(ids('Sort=Name')).toEqual([2, 5, 1, 3, 4])
  })

  it('rejects unknown columns and bad sort orders with a useful 400', () => {
    expect(problemOf(() => run('Sort=Nope')).message).toContain("unknown column 'Nope'")
    expect(problemOf(() => run('Sort=Id&SortOrder=2')).message).toContain('SortOrder must be 1 or -1')
    expect(problemOf(() => run('Filter=Nope(=)1')).message).toContain("unknown column 'Nope'")
    expect(problemOf(() => run('UseANDFor=Nope')).message).toContain("unknown column 'Nope'")
    expect(problemOf(() => run('Filter=Mileage(>)many')).message).toContain('is not a number')
    expect(problemOf(() => run('Filter=When(>)yesterday')).message).toContain('is not YYYY-MM-DD')
  })
})

describe('query string decoding', () => {
  it('rejects a percent-encoded = inside (=), like the real API', () => {
    expect(problemOf(() => parseQueryParameters('/x?Filter=Phone%28%3D%29091')).message).toContain('%3D')
    expect(problemOf(() => parseQueryParameters('/x?Filter=Phone(%3d)091')).status).toBe(400)
  })

  it('accepts a literal = with encoded parentheses, and an encoded = inside the value', () => {
    expect(parseQueryParameters('/x?Filter=Phone%28=%29091').all('Filter')).toEqual(['Phone(=)091'])
    expect(parseQueryParameters('/x?Filter=Name(contains)a%3Db').all('filter')).toEqual(['Name(contains)a=b'])
  })

  it('decodes + as a space, so a + in a phone number must be %2B', () => {
    expect(parseQueryParameters('/x?Filter=Phone(=)+385').first('Filter')).toBe('Phone(=) 385')
    expect(parseQueryParameters('/x?Filter=Phone(=)%2B385').first('Filter')).toBe('Phone(=)+385')
  })

  it('rejects malformed percent-encoding', () => {
    expect(problemOf(() => parseQueryParameters('/x?Filter=Name(=)%E0%A4%A')).status).toBe(400)
  })
})
