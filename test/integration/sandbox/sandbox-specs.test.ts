import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningSandbox, startSandbox } from '../../../src/sandbox/mobilityone/index.ts'
import { openApiStructureErrors } from './openapi-structure.ts'
import { BASE_DATE, type Json, SHARED_SPECS_DIR, sandboxClient } from './sandbox-test-client.ts'

let sandbox: RunningSandbox
let bare: RunningSandbox
let client: ReturnType<typeof sandboxClient>

beforeAll(async () => {
  ;[sandbox, bare] = await Promise.all([
    startSandbox({ baseDate: BASE_DATE, specsDir: SHARED_SPECS_DIR }),
    startSandbox({ baseDate: BASE_DATE }),
  ])
  client = sandboxClient(sandbox)
})
afterAll(async () => {
  await Promise.all([sandbox.close(), bare.close()])
})

const SERVICES = ['automation', 'tenantmgt', 'vehiclemgt'] as const
const fetchJson = async (url: string) => {
  const response = await fetch(url)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/json')
  return (await response.json()) as Json
}

describe('the sandbox’s own OpenAPI documents', () => {
  it.each(SERVICES)('serves a valid OpenAPI 3.0 document for %s', async (service) => {
    const document = await fetchJson(`${sandbox.url}/${service}/swagger/v1/swagger.json`)
    expect(document.openapi).toMatch(/^3\.0\./)
    expect(document.servers[0].url).toBe(`/${service}`)
    expect(openApiStructureErrors(document)).toEqual([])
    for (const item of Object.values(document.paths) as Record<string, { operationId?: string }>[]) {
      for (const operation of Object.values(item)) expect(operation.operationId).toBeUndefined()
    }
  })

  it('the structure check finds a dangling $ref and an undeclared path parameter', async () => {
    const document = await fetchJson(`${sandbox.url}/vehiclemgt/swagger/v1/swagger.json`)
    const broken = structuredClone(document)
    broken.paths['/Trips/{id}'].get.parameters = broken.paths['/Trips/{id}'].get.parameters.filter(
      (parameter: { in?: string }) => parameter.in !== 'path',
    )
    broken.paths['/Trips/{id}'].get.responses['200'].content['application/json'].schema = {
      $ref: '#/components/schemas/NoSuchSchema',
    }
    const errors = openApiStructureErrors(broken)
    expect(errors).toContain('GET /Trips/{id}: path parameter {id} is not declared')
    expect(
      errors.some((line) => line.includes('$ref #/components/schemas/NoSuchSchema does not resolve')),
    ).toBe(true)
  })

  it('describes the real paths, parameters and field names', async () => {
    const vehiclemgt = await fetchJson(`${sandbox.url}/vehiclemgt/swagger/v1/swagger.json`)
    expect(Object.keys(vehiclemgt.paths)).toEqual(
      expect.arrayContaining([
        '/AvailableVehicles',
        '/VehicleCalendar',
        '/VehicleCalendar/{id}',
        '/Cases',
        '/Trips/{id}',
        '/Expenses',
        '/Vehicles/Agg',
      ]),
    )
    const list = vehiclemgt.paths['/VehicleCalendar'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    )
    expect(list).toEqual(
      expect.arrayContaining(['First', 'Rows', 'Sort', 'SortOrder', 'Filter', 'UseANDFor', 'x-tenant']),
    )
    expect(Object.keys(vehiclemgt.components.schemas.CalendarEntry.properties)).toEqual(
      expect.arrayContaining([
        'AssignedToId',
        'VehicleId',
        'FromTime',
        'ToTime',
        'AssigneeType',
        'EntryType',
      ]),
    )
    const automation = await fetchJson(`${sandbox.url}/automation/swagger/v1/swagger.json`)
    expect(Object.keys(automation.paths).sort()).toEqual([
      '/AddCase',
      '/AddMileage',
      '/MasterData',
      '/PersonData/{personIdOrEmail}',
    ])
    expect(automation.components.schemas.AddCaseDto.required).toEqual(['Message', 'Subject', 'User'])
    const tenantmgt = await fetchJson(`${sandbox.url}/tenantmgt/swagger/v1/swagger.json`)
    expect(Object.keys(tenantmgt.components.schemas.Person.properties)).toEqual(
      expect.arrayContaining(['Id', 'DisplayName', 'FirstName', 'LastName', 'Phone', 'Mobile']),
    )
  })

  it('routes every documented operation (none answers 404 or 405 for a missing route)', async () => {
    for (const service of SERVICES) {
      const document = await fetchJson(`${bare.url}/${service}/swagger/v1/swagger.json`)
      for (const [path, item] of Object.entries(document.paths) as [string, Record<string, unknown>][]) {
        for (const method of Object.keys(item)) {
          const concrete = path.replace(/\{[^}]+\}/g, '1')
          const response = await sandboxClient(bare).call(method.toUpperCase(), `/${service}${concrete}`)
          expect(response.status, `${method} ${path}`).not.toBe(405)
          if (response.status === 404)
            expect(response.body.detail, `${method} ${path}`).not.toMatch(/^No operation/)
        }
      }
    }
  })

  it('serves its own documents at the live locations when it has no specs directory', async () => {
    const live = await fetchJson(`${bare.url}/vehiclemgt/swagger/v2.0.0-alpha/swagger.json`)
    expect(live.info.version).toBe('v1')
    expect(
      (await fetchJson(`${bare.url}/automation/swagger/v1.0.0/swagger.json`)).paths['/AddCase'],
    ).toBeDefined()
  })
})

describe('generic operations from the shared specs', () => {
  it('serves the real spec files at their live locations', async () => {
    const live = await fetchJson(`${sandbox.url}/vehiclemgt/swagger/v2.0.0-alpha/swagger.json`)
    expect(live.info.version).toBe('v2.0.0-alpha')
    expect(Object.keys(live.paths).length).toBeGreaterThan(400)
    const tenantmgt = await fetchJson(`${sandbox.url}/tenantmgt/swagger/v2.0.0-alpha/swagger.json`)
    expect(tenantmgt.info.title).toBe('Tenants Management API')
  })

  it('answers a list operation with a schema-shaped {Data, Count} page, the same on every call', async () => {
    const first = await client.get('/vehiclemgt/CaseTypes?Rows=2')
    expect(first.status).toBe(200)
    expect(first.body.Count).toBe(3)
    expect(first.body.Data).toHaveLength(2)
    expect(Object.keys(first.body.Data[0])).toEqual(expect.arrayContaining(['Id', 'Name']))
    expect((await client.get('/vehiclemgt/CaseTypes?Rows=2')).body).toEqual(first.body)
  })

  it('fills path parameters and the tenant into generated records', async () => {
    const vehicleId = '5c0f1a7e-7d6f-4a55-9b1e-0f4b7c0c3a11'
    const documents = await client.get(`/vehiclemgt/Vehicles/${vehicleId}/documents`)
    expect(documents.status).toBe(200)
    expect(Array.isArray(documents.body)).toBe(true)
    const company = await client.get('/tenantmgt/Companies/7b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')
    expect(company.status).toBe(200)
    expect(company.body).toMatchObject({ Id: '7b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
  })

  it('answers writes with their documented 2xx and still checks auth and tenant', async () => {
    const created = await client.post('/vehiclemgt/CaseTypes', { Name: 'Test' })
    expect(created.status).toBeGreaterThanOrEqual(200)
    expect(created.status).toBeLessThan(300)
    const removed = await client.delete('/vehiclemgt/CaseTypes/3')
    expect([200, 204]).toContain(removed.status)
    expect((await client.get('/vehiclemgt/CaseTypes', { tenant: null })).status).toBe(403)
    const anonymous = await fetch(`${sandbox.url}/vehiclemgt/CaseTypes`)
    expect(anonymous.status).toBe(401)
  })

  it('keeps hand-written semantics where both exist', async () => {
    const persons = await client.get('/tenantmgt/Persons?Rows=1&Sort=Code')
    expect(persons.body.Data[0].FirstName).toBe('Ivan')
    expect(persons.body.Count).toBeGreaterThanOrEqual(40)
  })

  it('serves every read of the three services without a server error', async () => {
    const paths: string[] = []
    for (const service of SERVICES) {
      const version = service === 'automation' ? 'v1.0.0' : 'v2.0.0-alpha'
      const document = await fetchJson(`${sandbox.url}/${service}/swagger/${version}/swagger.json`)
      for (const [path, item] of Object.entries(document.paths) as [string, Record<string, unknown>][]) {
        if (item.get) paths.push(`/${service}${path}`)
      }
    }
    for (let start = 0; start < paths.length; start += 50) {
      const batch = paths.slice(start, start + 50)
      const statuses = await Promise.all(
        batch.map(async (path) => (await client.get(`${path.replace(/\{[^}]+\}/g, '1')}?Rows=2`)).status),
      )
      statuses.forEach((status, index) => {
        expect(status, `GET ${batch[index]}`).toBeLessThan(500)
      })
    }
  })
})
