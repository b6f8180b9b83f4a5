import { contextKindOf } from './context-parameters.ts'
import type { SchemaReader } from './schema-reader.ts'
import type { HttpMethod, ParameterLocation, Tool, ToolField, ToolParameter } from './tool.ts'

type Json = Record<string, unknown>

const LOCATIONS: ReadonlySet<string> = new Set(['path', 'query', 'header', 'cookie'])
const SUCCESS_CODES = ['200', '201', '202', '2XX', '2xx', 'default']

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** JSON content first; otherwise the first media type that has a schema. */
function schemaOfContent(content: unknown): unknown {
  if (!isObject(content)) return undefined
  const json = content['application/json']
  if (isObject(json) && json.schema) return json.schema
  for (const media of Object.values(content)) if (isObject(media) && media.schema) return media.schema
  return undefined
}

export interface OperationInput {
  id: string
  bareId: string
  service: string
  method: HttpMethod
  path: string
  operation: Json
  pathParameters: unknown[]
}

/** One operation of an OpenAPI 3 or Swagger 2 document -> one tool. */
export function convertOperationToTool(input: OperationInput, reader: SchemaReader): Tool {
  const { operation } = input
  const parameters: ToolParameter[] = []
  const requestBody: ToolField[] = []
  const seen = new Set<string>()
  // Operation-level parameters override path-level ones with the same name and location.
  for (const raw of [...asArray(operation.parameters), ...input.pathParameters]) {
    const parameter = reader.deref(raw).schema
    const name = typeof parameter.name === 'string' ? parameter.name : undefined
    const location = typeof parameter.in === 'string' ? parameter.in : undefined
    if (!name || !location || seen.has(`${location}:${name}`)) continue
    seen.add(`${location}:${name}`)
    if (location === 'body') {
      requestBody.push(...reader.objectFields(parameter.schema))
      continue
    }
    if (location === 'formData') {
      requestBody.push(toField(name, parameter, parameter, reader))
      continue
    }
    if (!LOCATIONS.has(location)) continue
    // OpenAPI 3 keeps the type under `schema`; Swagger 2 on the parameter itself.
    const typed = parameter.schema ?? parameter
    parameters.push({ ...toField(name, parameter, typed, reader), in: location as ParameterLocation })
  }
  const body = reader.deref(operation.requestBody).schema
  const bodySchema = schemaOfContent(body.content)
  if (bodySchema) requestBody.push(...reader.objectFields(bodySchema))

  const responses = isObject(operation.responses) ? operation.responses : {}
  let responseSchema: unknown
  for (const code of SUCCESS_CODES) {
    const response = reader.deref(responses[code]).schema
    responseSchema = schemaOfContent(response.content) ?? response.schema
    if (responseSchema) break
  }
  const { fields: responseFields, returnsList } = responseSchema
    ? reader.itemFields(responseSchema)
    : { fields: [], returnsList: false }

  return {
    id: input.id,
    bareId: input.bareId,
    service: input.service,
    method: input.method,
    path: input.path,
    entity: input.path.split('/').find((segment) => segment.length > 0) ?? '',
    summary: typeof operation.summary === 'string' ? operation.summary.trim() : '',
    description: typeof operation.description === 'string' ? operation.description.trim() : '',
    tags: asArray(operation.tags).filter((tag): tag is string => typeof tag === 'string'),
    parameters,
    requestBody,
    responseFields,
    returnsList,
    readOnly: input.method === 'get',
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function toField(name: string, parameter: Json, typed: unknown, reader: SchemaReader): ToolField {
  const { type, format, enum: values, nullable } = reader.typeOf(typed)
  const field: ToolField = { name, required: parameter.required === true }
  if (type) field.type = type
  if (format) field.format = format
  if (values) field.enum = values as ToolField['enum']
  if (nullable) field.nullable = true
  if (typeof parameter.description === 'string' && parameter.description)
    field.description = parameter.description
  const context = contextKindOf(name)
  if (context) field.context = context
  return field
}
