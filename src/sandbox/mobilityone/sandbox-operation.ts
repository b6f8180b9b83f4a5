import type { QueryParameters } from './query-parameters.ts'
import type { FieldType } from './sandbox-fields.ts'
import type { SandboxTenant } from './sandbox-records.ts'

export type SandboxService = 'automation' | 'tenantmgt' | 'vehiclemgt'
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface SandboxRequest {
  tenant: SandboxTenant
  params: Record<string, string>
  query: QueryParameters
  body: unknown
  now(): Date
}

export interface SandboxResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface ParameterDoc {
  name: string
  in: 'query' | 'path'
  type: FieldType | 'string-array'
  required?: boolean
  description?: string
}

/** A schema reference by component name, an inline number, a choice of components, or an array. */
export type SchemaDoc =
  | string
  | { number: true }
  | { oneOf: string[] }
  | { arrayOf: 'integer' | 'uuid' }
  /** A bare JSON array of a component (the `/Lookup/...` lists). */
  | { listOf: string }

export interface OperationDoc {
  summary: string
  /** Adds First, Rows, Sort, SortOrder, Filter, UseANDFor. */
  list?: boolean
  parameters?: ParameterDoc[]
  body?: { schema: SchemaDoc; description?: string }
  responses: { status: number; description: string; schema?: SchemaDoc }[]
}

/** One hand-written operation: real path, real field names, and its own documentation. */
export interface SandboxOperation {
  method: HttpMethod
  service: SandboxService
  /** Path inside the service, with `{name}` parameters, e.g. `/VehicleCalendar/{id}`. */
  path: string
  doc: OperationDoc
  handle(request: SandboxRequest): SandboxResponse
}
