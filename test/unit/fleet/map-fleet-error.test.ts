import { describe, expect, it } from 'vitest'
import { mapFleetError, parseRetryAfter, readUpstreamMessage } from '../../../src/fleet/map-fleet-error.ts'

describe('readUpstreamMessage', () => {
  it.each(['message', 'error', 'detail', 'title', 'Message', 'Error'])('reads %s', (field) => {
    expect(readUpstreamMessage({ [field]: 'Vozilo nije pronađeno' })).toBe('Vozilo nije pronađeno')
  })

  it('appends ProblemDetails validation errors', () => {
    expect(readUpstreamMessage({ title: 'Bad', errors: { Value: ['must be positive'] } })).toBe(
      'Bad (Value: must be positive)',
    )
  })

  it('returns undefined for bodies without a message', () => {
    expect(readUpstreamMessage({ foo: 1 })).toBeUndefined()
    expect(readUpstreamMessage(undefined)).toBeUndefined()
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000)
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('mapFleetError', () => {
  it.each([
    [400, 'M1_ERR_FLEET_VALIDATION'],
    [401, 'M1_ERR_FLEET_AUTH'],
    [403, 'M1_ERR_FLEET_FORBIDDEN'],
    [404, 'M1_ERR_FLEET_NOT_FOUND'],
    [408, 'M1_ERR_FLEET_TIMEOUT'],
    [409, 'M1_ERR_FLEET_VALIDATION'],
    [422, 'M1_ERR_FLEET_VALIDATION'],
    [429, 'M1_ERR_FLEET_RATE_LIMITED'],
    [500, 'M1_ERR_FLEET_UNAVAILABLE'],
    [503, 'M1_ERR_FLEET_UNAVAILABLE'],
  ])('maps %i to %s', (status, code) => {
    const error = mapFleetError(status, { message: 'x' }, {}, 'GET t/x')
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expect(error.upstreamMessage).toBe('x')
  })
})
