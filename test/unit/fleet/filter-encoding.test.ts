import { describe, expect, it } from 'vitest'
import { buildFleetQuery } from '../../../src/fleet/build-fleet-query.ts'
import { buildFleetUrl } from '../../../src/fleet/build-fleet-url.ts'
import { encodeFilterCondition, FilterFieldError, filter } from '../../../src/fleet/filter.ts'

const limits = { defaultRows: 50, maxRows: 200 }

describe('filter encoding', () => {
  it('keeps the = of (=) literal and percent-encodes the value', () => {
    expect(encodeFilterCondition(filter.eq('Phone', '+385 91 234 5678'))).toBe(
      'Phone(=)%2B385%2091%20234%205678',
    )
  })

  it('encodes every operator with = literal and the rest escaped', () => {
    expect(encodeFilterCondition(filter.contains('Name', 'a'))).toBe('Name(contains)a')
    expect(encodeFilterCondition(filter.like('Name', 'a'))).toBe('Name(~)a')
    expect(encodeFilterCondition(filter.startsWith('Name', 'a'))).toBe('Name(startsWith)a')
    expect(encodeFilterCondition(filter.endsWith('Name', 'a'))).toBe('Name(endsWith)a')
    expect(encodeFilterCondition(filter.gt('Km', 5))).toBe('Km(%3E)5')
    expect(encodeFilterCondition(filter.lt('Km', 5))).toBe('Km(%3C)5')
    expect(encodeFilterCondition(filter.gte('Km', 5))).toBe('Km(%3E=)5')
    expect(encodeFilterCondition(filter.lte('Km', 5))).toBe('Km(%3C=)5')
  })

  it('escapes values that try to smuggle operators, separators or other parameters', () => {
    const hostile = filter.eq('Phone', 'x)(=)1&Filter=Id(=)2#')
    expect(encodeFilterCondition(hostile)).toBe('Phone(=)x%29%28%3D%291%26Filter%3DId%28%3D%292%23')
    expect(encodeFilterCondition(filter.eq('Name', 'Đurđa Šimić'))).toBe(
      'Name(=)%C4%90ur%C4%91a%20%C5%A0imi%C4%87',
    )
  })

  it('rejects field names that are not identifiers', () => {
    expect(() => filter.eq('Phone(=)1&x', 'a')).toThrow(FilterFieldError)
    expect(() => filter.eq('', 'a')).toThrow(FilterFieldError)
    expect(() => filter.eq('a b', 'a')).toThrow(FilterFieldError)
  })
})

describe('buildFleetQuery', () => {
  it('sends repeated Filter params, UseANDFor, sort and bounded paging', () => {
    const query = buildFleetQuery(
      {
        filters: [filter.eq('Phone', '1'), filter.eq('Mobile', '2')],
        useAndFor: ['Phone'],
        sort: { field: 'FromTime', order: 'desc' },
        paging: { first: 20, rows: 10_000 },
      },
      limits,
    )
    expect(query).toBe(
      'Filter=Phone(=)1&Filter=Mobile(=)2&UseANDFor=Phone&Sort=FromTime&SortOrder=-1&First=20&Rows=200',
    )
  })

  it('defaults paging for list reads and leaves plain reads alone', () => {
    expect(buildFleetQuery({ paging: {} }, limits)).toBe('First=0&Rows=50')
    expect(buildFleetQuery({ query: { personId: 'a b' } }, limits)).toBe('personId=a%20b')
  })

  it('bounds Rows and First given as plain query parameters too', () => {
    expect(buildFleetQuery({ query: { Rows: '99999', First: -3 } }, limits)).toBe('First=0&Rows=200')
    expect(buildFleetQuery({ query: { rows: 'abc' } }, limits)).toBe('First=0&Rows=50')
  })

  it('repeats array query values and skips undefined ones', () => {
    expect(buildFleetQuery({ query: { a: ['1', '2'], b: undefined, c: true } }, limits)).toBe(
      'a=1&a=2&c=true',
    )
  })
})

describe('buildFleetUrl', () => {
  it('substitutes and percent-encodes path parameters', () => {
    expect(
      buildFleetUrl('http://h/', 'automation', '/PersonData/{personIdOrEmail}', {
        personIdOrEmail: 'a/b@c d',
      }),
    ).toBe('http://h/automation/PersonData/a%2Fb%40c%20d')
  })

  it('refuses a missing path parameter and a bad service name', () => {
    expect(() => buildFleetUrl('http://h', 'vehiclemgt', '/Cases/{id}', {})).toThrow(
      /missing path parameter id/,
    )
    expect(() => buildFleetUrl('http://h', '../x', '/Cases')).toThrow(/invalid service/)
  })
})

describe('fleet config', () => {
  it('builds client options from config with defaults', async () => {
    const { testConfig } = await import('../../../src/app/config/index.ts')
    const { fleetOptionsFromConfig } = await import('../../../src/fleet/fleet-options-from-config.ts')
    expect(fleetOptionsFromConfig(testConfig())).toBeUndefined()
    const options = fleetOptionsFromConfig(
      testConfig({
        MOBILITY_API_URL: 'https://m1.example/',
        MOBILITY_TENANT_ID: 't',
        MOBILITY_RETRY_MAX_ATTEMPTS: '4',
      }),
    )
    expect(options).toMatchObject({
      authUrl: 'https://m1.example/sso/connect/token',
      defaultTenantId: 't',
      retry: { maxAttempts: 4, baseDelayMs: 200 },
      paging: { defaultRows: 50, maxRows: 200 },
      tokenMarginMs: 60_000,
    })
  })
})
