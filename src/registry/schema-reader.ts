import { contextKindOf } from './context-parameters.ts'
import type { ToolField } from './tool.ts'

type Json = Record<string, unknown>

const MAX_DEPTH = 12

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads schemas of one OpenAPI 3 / Swagger 2 document, resolving local `$ref`s lazily.
 * Cycle-safe: a `$ref` already on the current resolution path is not followed again, so
 * self-referencing schemas (a Person with a Manager: Person) end instead of recursing forever.
 * External refs are not fetched (the specs are self-contained; an external ref reads as empty).
 */
export class SchemaReader {
  private readonly refCache = new Map<string, unknown>()

  constructor(private readonly document: Json) {}

  /** Follows a JSON pointer such as `#/components/schemas/Vehicle`; undefined when absent or external. */
  resolvePointer(ref: string): unknown {
    const cached = this.refCache.get(ref)
    if (cached !== undefined) return cached
    if (!ref.startsWith('#/')) return undefined
    let node: unknown = this.document
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
      if (!isObject(node) && !Array.isArray(node)) return undefined
      node = (node as Json)[key]
      if (node === undefined) return undefined
    }
    this.refCache.set(ref, node)
    return node
  }

  /** Follows `$ref` chains on one node (not its children); cycles give an empty schema. */
  deref(node: unknown, path: ReadonlySet<string> = new Set()): { schema: Json; path: ReadonlySet<string> } {
    let current = node
    let seen = path
    while (isObject(current) && typeof current.$ref === 'string') {
      const ref = current.$ref
      if (seen.has(ref)) return { schema: {}, path: seen }
      seen = new Set(seen).add(ref)
      current = this.resolvePointer(ref)
    }
    return { schema: isObject(current) ? current : {}, path: seen }
  }

  /** A short type name for display and slot typing: `string`, `integer`, `array<Vehicle>`, `Vehicle`. */
  typeOf(
    node: unknown,
    path: ReadonlySet<string> = new Set(),
  ): { type?: string; format?: string; enum?: unknown[]; nullable?: boolean } {
    const refName = isObject(node) && typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined
    // A reference back into a schema being read (Item.Parent: Item) is named, not expanded.
    if (refName && path.has((node as Json).$ref as string)) return { type: refName }
    const { schema, path: inner } = this.deref(node, path)
    const composite = (schema.allOf ?? schema.oneOf ?? schema.anyOf) as unknown[] | undefined
    if (!schema.type && Array.isArray(composite) && composite.length > 0) {
      const nonNull = composite.filter((part) => !(isObject(part) && part.type === 'null'))
      if (nonNull.length === 1) {
        const innerType = this.typeOf(nonNull[0], inner)
        return {
          ...innerType,
          nullable: innerType.nullable || nonNull.length < composite.length || undefined,
        }
      }
    }
    let type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
    const nullable =
      schema.nullable === true ||
      schema['x-nullable'] === true ||
      (Array.isArray(schema.type) && schema.type.includes('null'))
    if (type === 'array') {
      const items = this.typeOf(schema.items, inner)
      type = `array<${items.type ?? 'unknown'}>`
    } else if (!type && (schema.properties || composite)) {
      type = refName ?? 'object'
    } else if (type === 'object' && refName) {
      type = refName
    }
    return {
      type: typeof type === 'string' ? type : undefined,
      format: typeof schema.format === 'string' ? schema.format : undefined,
      enum: Array.isArray(schema.enum) ? schema.enum : undefined,
      nullable: nullable || undefined,
    }
  }

  /**
   * The properties of an object schema, one level deep, merging `allOf` and taking the union of
   * `oneOf`/`anyOf` alternatives (their fields are optional: only one alternative applies).
   */
  objectFields(node: unknown, path: ReadonlySet<string> = new Set(), depth = 0): ToolField[] {
    const byName = new Map<string, ToolField>()
    this.collectFields(node, path, depth, true, byName)
    return [...byName.values()]
  }

  private collectFields(
    node: unknown,
    path: ReadonlySet<string>,
    depth: number,
    requiredAllowed: boolean,
    into: Map<string, ToolField>,
  ): void {
    if (depth > MAX_DEPTH) return
    const { schema, path: inner } = this.deref(node, path)
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) this.collectFields(part, inner, depth + 1, requiredAllowed, into)
    }
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
    const properties = isObject(schema.properties) ? schema.properties : {}
    for (const [name, property] of Object.entries(properties)) {
      const { type, format, enum: values, nullable } = this.typeOf(property, inner)
      const resolved = this.deref(property, inner).schema
      const field: ToolField = { name, required: requiredAllowed && required.has(name) }
      if (type) field.type = type
      if (format) field.format = format
      if (values) field.enum = values as ToolField['enum']
      if (nullable) field.nullable = true
      const description = (isObject(property) ? property.description : undefined) ?? resolved.description
      if (typeof description === 'string' && description) field.description = description
      const context = contextKindOf(name)
      if (context) field.context = context
      const existing = into.get(name)
      if (!existing || (field.required && !existing.required)) into.set(name, field)
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const alternatives = schema[key]
      if (Array.isArray(alternatives)) {
        for (const part of alternatives) this.collectFields(part, inner, depth + 1, false, into)
      }
    }
  }

  /**
   * Fields of one item of a response: unwraps arrays and the `{Data: [...], Count}` envelope of
   * list endpoints. Returns whether the response is a list.
   */
  itemFields(node: unknown): { fields: ToolField[]; returnsList: boolean } {
    let { schema, path } = this.deref(node)
    let returnsList = false
    for (let step = 0; step < 4; step++) {
      if (schema.type === 'array') {
        returnsList = true
        ;({ schema, path } = this.deref(schema.items, path))
        continue
      }
      const properties = isObject(schema.properties) ? schema.properties : undefined
      const data = properties?.Data ?? properties?.data
      if (data !== undefined) {
        const { schema: dataSchema, path: dataPath } = this.deref(data, path)
        if (dataSchema.type === 'array') {
          returnsList = true
          ;({ schema, path } = this.deref(dataSchema.items, dataPath))
          continue
        }
        ;({ schema, path } = { schema: dataSchema, path: dataPath })
        continue
      }
      break
    }
    return { fields: this.objectFields(schema, path), returnsList }
  }
}
