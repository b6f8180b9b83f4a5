import { describe, expect, it } from 'vitest'
import { createSandboxRouter } from '../../../src/sandbox/mobilityone/sandbox-router.ts'

describe('createSandboxRouter', () => {
  const router = createSandboxRouter<string>()
  router.add('GET', '/vehiclemgt/Vehicles/{id}', 'by-id')
  router.add('GET', '/vehiclemgt/Vehicles/Agg', 'agg')
  router.add('GET', '/vehiclemgt/Vehicles/{vehicleId}/documents', 'documents')
  router.add('DELETE', '/vehiclemgt/Vehicles/{id}', 'delete')

  it('prefers literal segments over parameters', () => {
    expect(router.match('GET', '/vehiclemgt/Vehicles/Agg')).toMatchObject({ handler: 'agg', params: {} })
    expect(router.match('GET', '/vehiclemgt/Vehicles/abc')).toMatchObject({
      handler: 'by-id',
      params: { id: 'abc' },
    })
  })

  it('keeps each route’s own parameter names and decodes values', () => {
    expect(router.match('GET', '/vehiclemgt/Vehicles/a%20b/documents')).toEqual({
      handler: 'documents',
      key: 'GET /vehiclemgt/Vehicles/{vehicleId}/documents',
      params: { vehicleId: 'a b' },
    })
  })

  it('ignores letter case in literals and tells a wrong method from an unknown path', () => {
    expect(router.match('get', '/VEHICLEMGT/vehicles/agg')).toMatchObject({ handler: 'agg' })
    expect(router.match('POST', '/vehiclemgt/Vehicles/agg')).toBe('method-not-allowed')
    expect(router.match('GET', '/vehiclemgt/Nothing')).toBeNull()
  })

  it('keeps the first registration of a method and pattern', () => {
    expect(router.add('GET', '/vehiclemgt/Vehicles/{other}', 'second')).toBe(false)
    expect(router.match('GET', '/vehiclemgt/Vehicles/x')).toMatchObject({ handler: 'by-id' })
    expect(router.size()).toBe(4)
  })
})
