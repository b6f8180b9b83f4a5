import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { QueryParameters } from './query-parameters.ts'
import { SANDBOX_DEFAULT_ROWS, SANDBOX_MAX_ROWS } from './sandbox-constants.ts'
import type { SandboxResponse } from './sandbox-operation.ts'
import { createSeededRandom, hashString, type SeededRandom } from './seeded-random.ts'

type JsonObject = Record<string, unknown>

export interface LoadedSpec {
  /** `vehiclemgt`, from `servers[0].url`. */
  service: string
  /** `v2.0.0-alpha`, from `info.version`: the live spec location uses it. */
  version: string
  document: JsonObject
  /** The file's bytes, served unchanged at the live spec location. */
  raw: string
}

/** Reads every OpenAPI document in a directory (files without `openapi` and `servers`, like an index, are skipped). */
export async function loadSpecDirectory(directory: string): Promise<LoadedSpec[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort()
  const specs: LoadedSpec[] = []
  for (const name of names) {
    const raw = await readFile(join(directory, name), 'utf8')
    const document = JSON.parse(raw) as JsonObject
    const servers = document.servers as { url?: string }[] | undefined
    const prefix = servers?.[0]?.url
    if (typeof document.openapi !== 'string' || !prefix) continue
    const version = String((document.info as JsonObject | undefined)?.version ?? 'v1')
    specs.push({ service: prefix.replace(/^\/+|\/+$/g, ''), version, document, raw })
  }
  return specs
}

export interface GenericRequest {
  tenantId: string
  params: Record<string, string>
  query: QueryParameters
}

export interface GenericOperation {
  method: string
  service: string
  path: string
  handle(request: GenericRequest): SandboxResponse
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
const JSON_TYPES = ['application/json', 'text/json', 'text/plain']
const MAX_DEPTH = 6
const LIST_ITEMS = 3

/**
 * Every operation of a spec as a handler answering with a schema-shaped record (reads) or the
 * documented 2xx (writes). Status and schema are chosen here, once; records are generated per
 * request from a generator seeded by the route and its parameters, so the same URL always gets
 * the same answer.
 */
export function genericOperations(spec: LoadedSpec): GenericOperation[] {
  const components = ((spec.document.components as JsonObject | undefined)?.schemas ?? {}) as Record<
    string,
    JsonObject
  >
  const operations: GenericOperation[] = []
  const paths = (spec.document.paths ?? {}) as Record<string, Record<string, JsonObject>>
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation) continue
      const responses = (operation.responses ?? {}) as Record<string, JsonObject>
      const success = Object.keys(responses)
        .filter((status) => /^2\d\d$/.test(status))
        .sort()[0]
      const status = success ? Number(success) : method === 'post' ? 201 : method === 'delete' ? 204 : 200
      const schema = success ? jsonSchemaOf(responses[success]!) : undefined
      const key = `${method.toUpperCase()} /${spec.service}${path}`
      operations.push({
        method: method.toUpperCase(),
        service: spec.service,
        path,
        handle: ({ tenantId, params, query }) => {
          if (!schema || status === 204) return { status }
          const random = createSeededRandom(hashString(`${key}|${JSON.stringify(params)}`))
          const context: SampleContext = { components, random, tenantId, params: lowerKeys(params), query }
          return { status, body: sample(schema, context, 0, new Set(), '') }
        },
      })
    }
  }
  return operations
}

function jsonSchemaOf(response: JsonObject): JsonObject | undefined {
  const content = response.content as Record<string, { schema?: JsonObject }> | undefined
  if (!content) return undefined
  for (const type of JSON_TYPES) if (content[type]?.schema) return content[type]!.schema
  return undefined
}

interface SampleContext {
  components: Record<string, JsonObject>
  random: SeededRandom
  tenantId: string
  params: Map<string, string>
  query: QueryParameters
}

function sample(
  schema: JsonObject,
  context: SampleContext,
  depth: number,
  refs: Set<string>,
  name: string,
): unknown {
  if (typeof schema.$ref === 'string') {
    const refName = schema.$ref.split('/').pop()!
    // A schema that contains itself (directly or further down) stops here.
    if (refs.has(refName) || depth > MAX_DEPTH) return null
    const target = context.components[refName]
    if (!target) return null
    const inner = new Set(refs).add(refName)
    return sample(target, context, depth + 1, inner, name)
  }
  if (Array.isArray(schema.allOf)) {
    const merged: JsonObject = {}
    for (const part of schema.allOf as JsonObject[]) {
      const value = sample(part, context, depth + 1, refs, name)
      if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(merged, value)
    }
    return merged
  }
  const choice = (schema.oneOf ?? schema.anyOf) as JsonObject[] | undefined
  if (Array.isArray(choice) && choice.length > 0) return sample(choice[0]!, context, depth + 1, refs, name)
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  const type = schema.type ?? (schema.properties ? 'object' : undefined)
  switch (type) {
    case 'object':
      return sampleObject(schema, context, depth, refs)
    case 'array': {
      if (depth > MAX_DEPTH) return []
      const count = depth <= 2 ? 2 : 1
      const items = (schema.items ?? {}) as JsonObject
      return Array.from({ length: count }, () => sample(items, context, depth + 1, refs, name))
    }
    case 'string':
      return sampleString(schema, context, name)
    case 'integer':
      return sampleInteger(context, name)
    case 'number':
      return Math.round(context.random.next() * 100_000) / 100
    case 'boolean':
      return context.random.chance(0.5)
    default:
      return null
  }
}

function sampleObject(
  schema: JsonObject,
  context: SampleContext,
  depth: number,
  refs: Set<string>,
): JsonObject {
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>
  const names = Object.keys(properties)
  // The {Data, Count} envelope: a short page whose Count matches, honouring Rows and First.
  if (names.includes('Data') && names.includes('Count') && (properties.Data as JsonObject).type === 'array') {
    const rows = Math.min(Number(context.query.first('Rows') ?? SANDBOX_DEFAULT_ROWS) || 0, SANDBOX_MAX_ROWS)
    const first = Number(context.query.first('First') ?? 0) || 0
    const length = Math.max(0, Math.min(rows, LIST_ITEMS - first))
    const items = ((properties.Data as JsonObject).items ?? {}) as JsonObject
    const record: JsonObject = {}
    for (const name of names) {
      if (name === 'Data')
        record.Data = Array.from({ length }, () => sample(items, context, depth + 1, refs, ''))
      else if (name === 'Count') record.Count = LIST_ITEMS
      else record[name] = sample(properties[name]!, context, depth + 1, refs, name)
    }
    return record
  }
  const record: JsonObject = {}
  for (const name of names) {
    const parameter = context.params.get(name.toLowerCase())
    const property = properties[name]!
    if (parameter !== undefined && (property.type === 'string' || property.type === 'integer')) {
      record[name] = property.type === 'integer' && /^\d+$/.test(parameter) ? Number(parameter) : parameter
    } else if (name === 'TenantId') {
      record[name] = context.tenantId
    } else {
      record[name] = sample(property, context, depth + 1, refs, name)
    }
  }
  return record
}

function sampleString(schema: JsonObject, context: SampleContext, name: string): string {
  const { random } = context
  switch (schema.format) {
    case 'uuid':
      return random.uuid()
    case 'date-time':
      return `2026-0${random.int(1, 9)}-${String(random.int(10, 28))}T${String(random.int(7, 18)).padStart(2, '0')}:00:00`
    case 'date':
      return `2026-0${random.int(1, 9)}-${String(random.int(10, 28))}`
    case 'email':
      return `korisnik${random.int(1, 99)}@primjer.hr`
    default:
      if (/mail/i.test(name)) return `korisnik${random.int(1, 99)}@primjer.hr`
      return `${name || 'Vrijednost'} ${random.int(1, 999)}`
  }
}

function sampleInteger(context: SampleContext, name: string): number {
  if (/Id$/.test(name)) return context.random.int(1, 50)
  return context.random.int(0, 1000)
}

function lowerKeys(params: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(params).map(([key, value]) => [key.toLowerCase(), value]))
}
