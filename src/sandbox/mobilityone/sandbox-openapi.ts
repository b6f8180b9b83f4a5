import {
  AVAILABLE_VEHICLE_FIELDS,
  CALENDAR_ENTRY_FIELDS,
  CASE_FIELDS,
  EXPENSE_FIELDS,
  EXPENSE_TYPE_FIELDS,
  type FieldSpec,
  LOOKUP_FIELDS,
  PERSON_DATA_FIELDS,
  PERSON_FIELDS,
  TRIP_FIELDS,
  VEHICLE_FIELDS,
} from './sandbox-fields.ts'
import type { ParameterDoc, SandboxOperation, SandboxService, SchemaDoc } from './sandbox-operation.ts'

type JsonObject = Record<string, unknown>

interface ComponentDefinition {
  fields: Record<string, FieldSpec>
  required?: string[]
  description?: string
}

const SERVICE_TITLES: Record<SandboxService, string> = {
  automation: 'Automation API',
  tenantmgt: 'Tenants Management API',
  vehiclemgt: 'Vehicle Management API',
}

/** Component schemas by name; `<Name>Items` wrappers ({Data, Count}) are derived on demand. */
const COMPONENTS: Record<string, ComponentDefinition> = {
  Person: { fields: PERSON_FIELDS, required: ['FirstName', 'LastName', 'OrgUnitId'] },
  PersonDto: { fields: PERSON_DATA_FIELDS },
  Vehicle: { fields: VEHICLE_FIELDS, required: ['GeneralStatusId', 'VehicleTypeId'] },
  Master: {
    fields: VEHICLE_FIELDS,
    description: 'A vehicle with its contract, driver and periodic activities',
  },
  VehiclesAvailableForBooking: { fields: AVAILABLE_VEHICLE_FIELDS },
  CalendarEntry: {
    fields: CALENDAR_ENTRY_FIELDS,
    required: ['AssignedToId', 'AssigneeType', 'EntryType', 'FromTime', 'VehicleId'],
    description:
      'In POST only AssignedToId, VehicleId, FromTime, ToTime, AssigneeType, EntryType, Description, Price, OperatedBy and ExternalId are read',
  },
  Case: {
    fields: CASE_FIELDS,
    required: ['CaseStatusId', 'CaseTypeId', 'TimeZone', 'UtcRaisedOn', 'VehicleId'],
  },
  Trip: { fields: TRIP_FIELDS, required: ['EndTime', 'StartTime', 'TripTypeId', 'VehicleId'] },
  Expense: {
    fields: EXPENSE_FIELDS,
    required: ['Amount', 'ExpenseDate', 'ExpenseTypeId', 'PricePerUnit', 'Quantity', 'StatusId'],
  },
  ExpenseType: { fields: EXPENSE_TYPE_FIELDS, required: ['Active', 'Name'] },
  Int32IdName: { fields: LOOKUP_FIELDS, description: 'One value of a lookup list' },
  AddMileageDto: {
    fields: {
      VehicleId: { type: 'uuid' },
      Value: { type: 'integer', description: 'odometer in km, 0..2147483647' },
      Time: { type: 'date-time', nullable: true, description: 'tenant-local; default now' },
      Comment: { type: 'string', nullable: true, description: 'at most 500 characters' },
    },
    required: ['Value', 'VehicleId'],
  },
  AddCaseDto: {
    fields: {
      User: { type: 'string', description: 'PersonId (or e-mail) of the reporter' },
      Subject: { type: 'string' },
      Message: { type: 'string' },
    },
    required: ['Message', 'Subject', 'User'],
  },
  VehicleInfo: {
    fields: {
      Id: { type: 'uuid' },
      LicencePlate: { type: 'string', nullable: true },
      DisplayName: { type: 'string', nullable: true },
      TenantId: { type: 'uuid' },
    },
  },
  ProblemDetails: {
    fields: {
      type: { type: 'string', nullable: true },
      title: { type: 'string', nullable: true },
      status: { type: 'integer', nullable: true },
      detail: { type: 'string', nullable: true },
      instance: { type: 'string', nullable: true },
    },
  },
}

/** The OpenAPI 3.0 document of one service, describing exactly the hand-written operations. */
export function buildSandboxOpenApi(service: SandboxService, operations: SandboxOperation[]): JsonObject {
  const schemas = new Map<string, JsonObject>()
  const reference = (name: string): JsonObject => {
    addComponent(name, schemas)
    return { $ref: `#/components/schemas/${name}` }
  }
  const schemaFor = (doc: SchemaDoc): JsonObject => {
    if (typeof doc === 'string') return reference(doc)
    if ('number' in doc) return { type: 'number', format: 'double', nullable: true }
    if ('listOf' in doc) return { type: 'array', items: reference(doc.listOf) }
    if ('arrayOf' in doc) {
      return {
        type: 'array',
        items:
          doc.arrayOf === 'integer'
            ? { type: 'integer', format: 'int32' }
            : { type: 'string', format: 'uuid' },
      }
    }
    return { oneOf: doc.oneOf.map(reference) }
  }
  const paths: Record<string, JsonObject> = {}
  for (const operation of operations.filter((candidate) => candidate.service === service)) {
    const parameters = [
      ...(operation.doc.parameters ?? []).filter((parameter) => parameter.in === 'path').map(parameterObject),
      ...(operation.doc.list ? LIST_PARAMETERS.map(parameterObject) : []),
      ...(operation.doc.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map(parameterObject),
      {
        name: 'x-tenant',
        in: 'header',
        required: true,
        description: 'Tenant id (uuid)',
        schema: { type: 'string' },
      },
    ]
    const responses: Record<string, JsonObject> = {}
    for (const response of operation.doc.responses) {
      responses[String(response.status)] = response.schema
        ? {
            description: response.description,
            content: { 'application/json': { schema: schemaFor(response.schema) } },
          }
        : { description: response.description }
    }
    responses['401'] = {
      description: 'Missing, expired or revoked Bearer token',
      content: { 'application/json': { schema: reference('ProblemDetails') } },
    }
    responses['403'] = {
      description: 'Unknown or missing x-tenant',
      content: { 'application/json': { schema: reference('ProblemDetails') } },
    }
    const operationObject: JsonObject = {
      tags: [operation.path.split('/')[1]],
      summary: operation.doc.summary,
      parameters,
      responses,
    }
    if (operation.doc.body) {
      operationObject.requestBody = {
        required: true,
        description: operation.doc.body.description,
        content: { 'application/json': { schema: schemaFor(operation.doc.body.schema) } },
      }
    }
    paths[operation.path] ??= {}
    paths[operation.path]![operation.method.toLowerCase()] = operationObject
  }
  return {
    openapi: '3.0.3',
    info: {
      title: SERVICE_TITLES[service],
      version: 'v1',
      description:
        'Served by the MobilityOne sandbox: the operations the assistant uses by name, with the real paths, parameters and field names. Datetimes are tenant-local YYYY-MM-DDTHH:MM:SS.',
    },
    servers: [{ url: `/${service}` }],
    paths,
    components: {
      schemas: Object.fromEntries([...schemas.entries()].sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: { Bearer: { type: 'http', scheme: 'bearer', description: 'Paste only token' } },
    },
    security: [{ Bearer: [] }],
  }
}

const LIST_PARAMETERS: ParameterDoc[] = [
  { name: 'First', in: 'query', type: 'integer', description: 'rows to skip (default 0)' },
  { name: 'Rows', in: 'query', type: 'integer', description: 'page size (default 100, at most 500)' },
  { name: 'Sort', in: 'query', type: 'string', description: 'column name, case-insensitive' },
  { name: 'SortOrder', in: 'query', type: 'integer', description: '1 ascending (default), -1 descending' },
  {
    name: 'Filter',
    in: 'query',
    type: 'string-array',
    description:
      'Field(op)value with op one of (=) (contains) (~) (startsWith) (endsWith) (>) (<) (>=) (<=); the = of (=) must be a literal =, never %3D. Repeat for several conditions: OR-ed, except columns listed in UseANDFor, which are AND-ed.',
  },
  {
    name: 'UseANDFor',
    in: 'query',
    type: 'string-array',
    description: 'columns whose conditions are AND-ed',
  },
]

function parameterObject(parameter: ParameterDoc): JsonObject {
  const object: JsonObject = { name: parameter.name, in: parameter.in, schema: parameterSchema(parameter) }
  if (parameter.required || parameter.in === 'path') object.required = true
  if (parameter.description) object.description = parameter.description
  return object
}

function parameterSchema(parameter: ParameterDoc): JsonObject {
  if (parameter.type === 'string-array') return { type: 'array', items: { type: 'string' } }
  const { nullable: _, ...schema } = fieldSchema({ type: parameter.type })
  return schema
}

function addComponent(name: string, schemas: Map<string, JsonObject>): void {
  if (schemas.has(name)) return
  if (name.endsWith('Items') && COMPONENTS[name.slice(0, -5)]) {
    const item = name.slice(0, -5)
    addComponent(item, schemas)
    schemas.set(name, {
      type: 'object',
      description:
        'Requested items (after filter, paging and sorting) and the number of all items satisfying the filter',
      properties: {
        Data: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
        Count: { type: 'integer', format: 'int32' },
      },
    })
    return
  }
  const definition = COMPONENTS[name]
  if (!definition) throw new Error(`sandbox OpenAPI: no component named ${name}`)
  const properties: Record<string, JsonObject> = {}
  for (const [field, spec] of Object.entries(definition.fields)) properties[field] = fieldSchema(spec)
  schemas.set(name, {
    type: 'object',
    ...(definition.description ? { description: definition.description } : {}),
    ...(definition.required ? { required: definition.required } : {}),
    properties,
  })
}

function fieldSchema(spec: FieldSpec): JsonObject {
  const base: JsonObject = (() => {
    switch (spec.type) {
      case 'uuid':
        return { type: 'string', format: 'uuid' }
      case 'date':
        return { type: 'string', format: 'date' }
      case 'date-time':
        return { type: 'string', format: 'date-time' }
      case 'integer':
        return { type: 'integer', format: 'int32' }
      case 'number':
        return { type: 'number', format: 'double' }
      case 'boolean':
        return { type: 'boolean' }
      case 'any':
        return {}
      default:
        return { type: 'string' }
    }
  })()
  if (spec.nullable) base.nullable = true
  if (spec.description) base.description = spec.description
  return base
}
