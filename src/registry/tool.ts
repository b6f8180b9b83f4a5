/** What the assistant knows about one API operation. Plain data: serialisable to the registry cache. */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

export const HTTP_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete'])

/** Values the assistant fills from the user's context instead of asking for them. */
export type ContextKind = 'person' | 'vehicle' | 'tenant'

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie'

/** A schema property reduced to what routing, slot filling and the LLM path need. */
export interface ToolField {
  name: string
  type?: string
  format?: string
  enum?: readonly (string | number | boolean)[]
  required: boolean
  nullable?: boolean
  description?: string
  /** Set when the value comes from the user's context (see context-parameters.ts). */
  context?: ContextKind
}

export interface ToolParameter extends ToolField {
  in: ParameterLocation
}

export interface Tool {
  /** Unique id: `{method}_{path}` per UPSTREAM §1.6, service-qualified when ids collide. */
  id: string
  /** The §1.6 id before collision qualification (equal to `id` for most tools). */
  bareId: string
  service: string
  method: HttpMethod
  /** Path inside the service, without the service prefix, e.g. `/Vehicles/{id}`. */
  path: string
  /** First path segment, e.g. `Vehicles`: the tool family. */
  entity: string
  summary: string
  description: string
  tags: readonly string[]
  parameters: readonly ToolParameter[]
  requestBody: readonly ToolField[]
  /** Fields of one returned item (`{Data, Count}` envelopes and arrays unwrapped). */
  responseFields: readonly ToolField[]
  /** The response is a list (bare array or `{Data: [...]}` envelope). */
  returnsList: boolean
  /** GET operations only read; everything else needs a confirmation before it runs. */
  readOnly: boolean
}

/** An operation that did not become a tool, and why. */
export interface SkippedOperation {
  service: string
  method: string
  path: string
  reason: string
}
