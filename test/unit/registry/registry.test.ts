import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  blacklistedWordIn,
  buildTools,
  contextKindOf,
  loadRegistry,
  parseRawSpecs,
  readRawSpecs,
  type SpecDocument,
  selectSpecSources,
  ToolRegistry,
  toolIdFor,
} from '../../../src/registry/index.ts'

const SPECS =
  process.env.SPECS ?? fileURLToPath(new URL('../../../../shared/mobilityone/specs', import.meta.url))

function spec(service: string, document: Record<string, unknown>): SpecDocument {
  return { service, source: `${service}.json`, contentHash: service, document }
}

describe('tool ids (UPSTREAM §1.6)', () => {
  it('builds {method}_{path} with braces removed and non-alphanumeric runs collapsed', () => {
    expect(toolIdFor('GET', '/MasterData')).toBe('get_MasterData')
    expect(toolIdFor('delete', '/Cases/{id}')).toBe('delete_Cases_id')
    expect(toolIdFor('get', '/Vehicles/{id}/documents')).toBe('get_Vehicles_id_documents')
    expect(toolIdFor('get', '/Vehicles/{id}/external-info/')).toBe('get_Vehicles_id_external_info')
    expect(toolIdFor('post', '/a--b//c')).toBe('post_a_b_c')
  })

  it('blacklists operations whose id or path contains a listed word, case-insensitively', () => {
    expect(blacklistedWordIn('get_Cases_Count', '/Cases/Count')).toBe('count')
    expect(blacklistedWordIn('get_Cases_AsExcel', '/Cases/AsExcel')).toBe('excel')
    expect(blacklistedWordIn('post_Batch', '/Batch')).toBe('batch')
    expect(blacklistedWordIn('get_Cases', '/Cases')).toBeUndefined()
  })
})

describe('context parameters', () => {
  it('maps person, vehicle and tenant parameters by explicit name, not by format', () => {
    for (const name of ['PersonId', 'personId', 'DriverId', 'AssignedToId', 'User'])
      expect(contextKindOf(name)).toBe('person')
    expect(contextKindOf('VehicleId')).toBe('vehicle')
    expect(contextKindOf('TenantId')).toBe('tenant')
    expect(contextKindOf('CaseId')).toBeUndefined()
    expect(contextKindOf('Id')).toBeUndefined()
  })

  it('marks context fields in parameters and request bodies of real tools', async () => {
    const { registry } = await loadRegistry({ sources: [SPECS], services: ['automation'] })
    const addCase = registry.get('post_AddCase')!
    expect(addCase.requestBody.find((field) => field.name === 'User')).toMatchObject({
      context: 'person',
      required: true,
    })
    expect(addCase.requestBody.find((field) => field.name === 'Subject')?.context).toBeUndefined()
    const masterData = registry.get('get_MasterData')!
    expect(masterData.parameters.find((parameter) => parameter.name === 'personId')?.context).toBe('person')
  })
})

describe('schema edge cases', () => {
  const document = {
    openapi: '3.0.1',
    servers: [{ url: '/demo' }],
    paths: {
      '/Items': {
        parameters: [{ $ref: '#/components/parameters/Tenant' }],
        get: {
          summary: 'List items',
          parameters: [{ name: 'Kind', in: 'query', schema: { type: 'string', enum: ['a', 'b'] } }],
          responses: {
            200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemPage' } } } },
          },
        },
        post: {
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewItem' } } },
          },
          responses: { 201: { description: 'created' } },
        },
      },
      '/Items/{id}': {
        get: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } },
          ],
          responses: {
            200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          },
        },
      },
      '/Items/Count': { get: { responses: {} } },
      '/Items/{id}/info': { options: { responses: {} } },
    },
    components: {
      parameters: { Tenant: { name: 'x-tenant', in: 'header', schema: { type: 'string' } } },
      schemas: {
        ItemPage: {
          type: 'object',
          properties: {
            Data: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
            Count: { type: 'integer' },
          },
        },
        Item: {
          allOf: [
            { $ref: '#/components/schemas/Base' },
            {
              type: 'object',
              required: ['Name'],
              properties: {
                Name: { type: 'string' },
                Note: { type: 'string', nullable: true },
                Parent: { $ref: '#/components/schemas/Item' },
                VehicleId: { type: 'string', format: 'uuid' },
              },
            },
          ],
        },
        Base: {
          type: 'object',
          properties: { Id: { type: 'integer' }, Self: { $ref: '#/components/schemas/Base' } },
        },
        NewItem: {
          type: 'object',
          required: ['PersonId'],
          properties: { PersonId: { type: 'string', format: 'uuid' } },
          oneOf: [
            { type: 'object', properties: { Plate: { type: 'string' } }, required: ['Plate'] },
            { type: 'object', properties: { Vin: { type: 'string' } } },
          ],
        },
      },
    },
  }

  it('resolves $ref, allOf, oneOf, nullable and cyclic schemas without recursing forever', () => {
    const { tools, skipped, operations } = buildTools([spec('demo', document)])
    expect(operations).toBe(5)
    expect(tools.map((tool) => tool.id)).toEqual(['get_Items', 'post_Items', 'get_Items_id'])
    expect(skipped.map((item) => item.reason)).toEqual([
      'blacklisted (count)',
      'method OPTIONS is not offered',
    ])
    const list = tools[0]!
    expect(list.returnsList).toBe(true)
    expect(list.responseFields.map((field) => field.name).sort()).toEqual([
      'Id',
      'Name',
      'Note',
      'Parent',
      'Self',
      'VehicleId',
    ])
    expect(list.responseFields.find((field) => field.name === 'Note')).toMatchObject({
      type: 'string',
      nullable: true,
    })
    expect(list.responseFields.find((field) => field.name === 'Parent')?.type).toBe('Item')
    expect(list.responseFields.find((field) => field.name === 'VehicleId')?.context).toBe('vehicle')
    expect(list.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual([
      'query:Kind',
      'header:x-tenant',
    ])
    expect(list.parameters[0]!.enum).toEqual(['a', 'b'])
    const create = tools[1]!
    expect(create.readOnly).toBe(false)
    expect(create.requestBody.map((field) => [field.name, field.required])).toEqual([
      ['PersonId', true],
      ['Plate', false],
      ['Vin', false],
    ])
    expect(tools[2]!.returnsList).toBe(false)
    expect(tools[2]!.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true, type: 'integer' })
  })

  it('reads Swagger 2.0 documents (basePath, body and formData parameters, definitions)', () => {
    const swagger = {
      swagger: '2.0',
      basePath: '/legacy',
      paths: {
        '/Notes': {
          post: {
            parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Note' } }],
            responses: { 200: { schema: { type: 'array', items: { $ref: '#/definitions/Note' } } } },
          },
          get: {
            parameters: [{ name: 'Rows', in: 'query', type: 'integer', required: true }],
            responses: {},
          },
        },
      },
      definitions: {
        Note: {
          type: 'object',
          required: ['Text'],
          properties: { Text: { type: 'string', 'x-nullable': true } },
        },
      },
    }
    const [parsed] = parseRawSpecs([
      { source: 'x.json', fallbackService: 'x', text: JSON.stringify(swagger), contentHash: 'h' },
    ])
    expect(parsed!.service).toBe('legacy')
    const { tools } = buildTools([parsed!])
    const post = tools.find((tool) => tool.id === 'post_Notes')!
    expect(post.requestBody).toEqual([{ name: 'Text', required: true, type: 'string', nullable: true }])
    expect(post.returnsList).toBe(true)
    expect(tools.find((tool) => tool.id === 'get_Notes')!.parameters[0]).toMatchObject({
      name: 'Rows',
      type: 'integer',
      required: true,
    })
  })
})

describe('collisions', () => {
  it('keeps the bare id for the service with precedence and qualifies the other with its service', () => {
    const paths = { '/Metadata': { get: { responses: {} } } }
    const { tools } = buildTools([
      spec('tenantmgt', { openapi: '3.0.0', paths }),
      spec('vehiclemgt', { openapi: '3.0.0', paths }),
    ])
    expect(tools.map((tool) => [tool.id, tool.service, tool.bareId])).toEqual([
      ['get_Metadata', 'vehiclemgt', 'get_Metadata'],
      ['get_tenantmgt_Metadata', 'tenantmgt', 'get_Metadata'],
    ])
    const registry = new ToolRegistry(tools)
    expect(registry.withBareId('get_Metadata').map((tool) => tool.service)).toEqual([
      'vehiclemgt',
      'tenantmgt',
    ])
  })
})

describe('the real specs', () => {
  it('turns every operation of the seven specs into a tool or a reported skip', async () => {
    const { registry, operations } = await loadRegistry({ sources: [SPECS] })
    expect(operations).toBe(1152)
    expect(registry.size).toBe(949)
    expect(registry.skipped).toHaveLength(203)
    expect(registry.size + registry.skipped.length).toBe(operations)
    for (const skipped of registry.skipped) expect(skipped.reason).toMatch(/^blacklisted \(/)
    const ids = registry.all().map((tool) => tool.id)
    expect(new Set(ids).size).toBe(ids.length)
    // 30 paths collide between tenantmgt and vehiclemgt; 4 of them are blacklisted.
    expect(registry.all().filter((tool) => tool.id !== tool.bareId)).toHaveLength(26)
  })

  it('loads the three default services with indexes for providers, consumers and families', async () => {
    const { registry } = await loadRegistry({
      sources: [SPECS],
      services: ['automation', 'tenantmgt', 'vehiclemgt'],
    })
    expect(registry.size).toBe(923)
    for (const id of [
      'get_MasterData',
      'post_AddCase',
      'post_AddMileage',
      'get_AvailableVehicles',
      'delete_VehicleCalendar_id',
    ]) {
      expect(registry.has(id)).toBe(true)
    }
    expect(registry.get('get_Vehicles')).toMatchObject({
      service: 'vehiclemgt',
      method: 'get',
      readOnly: true,
      returnsList: true,
    })
    expect(registry.get('get_Vehicles')!.responseFields.some((field) => field.name === 'LicencePlate')).toBe(
      true,
    )
    const providers = registry.providersOf('vehicleid').map((tool) => tool.id)
    expect(providers.length).toBeGreaterThan(5)
    expect(registry.providersOf('VehicleId').every((tool) => tool.readOnly)).toBe(true)
    expect(registry.consumersOf('AssignedToId').map((tool) => tool.id)).toContain('post_VehicleCalendar')
    expect(registry.familyOf('Cases').map((tool) => tool.id)).toContain('delete_Cases_id')
    expect(registry.familyOf('nothing')).toEqual([])
  })

  it('writes a processed-registry cache keyed by content hash and reuses it', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'registry-cache-'))
    const cold = await loadRegistry({ sources: [SPECS], services: ['automation'], cacheDir })
    expect(cold.fromCache).toBe(false)
    const files = await readdir(cacheDir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^registry-[0-9a-f]{16}\.json$/)
    const warm = await loadRegistry({ sources: [SPECS], services: ['automation'], cacheDir })
    expect(warm.fromCache).toBe(true)
    expect(warm.registry.all()).toEqual(cold.registry.all())
    const other = await loadRegistry({ sources: [SPECS], services: ['automation', 'tenantmgt'], cacheDir })
    expect(other.fromCache).toBe(false)
  })
})

describe('spec sources', () => {
  it('loads URLs through the injected fetchSpec', async () => {
    const requested: string[] = []
    const text = JSON.stringify({
      openapi: '3.0.0',
      servers: [{ url: '/fleet' }],
      paths: { '/Cars': { get: { responses: {} } } },
    })
    const raw = await readRawSpecs(['https://api.example/fleet/swagger/v1/swagger.json'], async (url) => {
      requested.push(url)
      return text
    })
    expect(requested).toEqual(['https://api.example/fleet/swagger/v1/swagger.json'])
    const [document] = parseRawSpecs(raw)
    expect(document!.service).toBe('fleet')
  })

  it('skips non-spec JSON files in a directory and filters by service', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specs-'))
    await writeFile(join(dir, 'index.json'), JSON.stringify({ specs: [] }))
    await writeFile(join(dir, 'a.yaml'), 'openapi: 3.0.0\nservers:\n  - url: /alpha\npaths: {}\n')
    await writeFile(
      join(dir, 'b.json'),
      JSON.stringify({ openapi: '3.0.0', servers: [{ url: '/beta' }], paths: {} }),
    )
    const documents = parseRawSpecs(await readRawSpecs([dir]), new Set(['alpha']))
    expect(documents.map((document) => document.service)).toEqual(['alpha'])
  })

  it('prefers an explicit source, then the shared snapshot, then the live spec URLs', () => {
    expect(selectSpecSources({ specs: 'a.json, b.json' }).sources).toEqual(['a.json', 'b.json'])
    expect(selectSpecSources({}).sources[0]).toMatch(/shared\/mobilityone\/specs$/)
    expect(selectSpecSources({}).services).toEqual(['automation', 'tenantmgt', 'vehiclemgt'])
    // The in-process simulated tenant serves the shared snapshot; a configured tenant its own specs.
    expect(selectSpecSources({ apiUrl: 'http://sim' }).sources[0]).toMatch(/shared\/mobilityone\/specs$/)
    expect(selectSpecSources({ apiUrl: 'https://m1.example', preferLive: true }).sources).toEqual([
      'https://m1.example/automation/swagger/v1.0.0/swagger.json',
      'https://m1.example/tenantmgt/swagger/v2.0.0-alpha/swagger.json',
      'https://m1.example/vehiclemgt/swagger/v2.0.0-alpha/swagger.json',
    ])
    expect(
      selectSpecSources({ specs: 'x.json', apiUrl: 'https://m1.example', preferLive: true }).sources,
    ).toEqual(['x.json'])
  })
})
