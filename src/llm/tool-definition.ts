import type { FunctionDefinition } from '../ports/chat-model.ts'
import type { Tool, ToolField } from '../registry/tool.ts'

export interface ToolDefinitionOptions {
  /** Shortened descriptions when the prompt budget is tight. */
  compact?: boolean
}

const jsonTypes = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object'])
/** String formats the validator checks; others (int32, double, "string"...) carry no constraint. */
const checkedFormats = new Set(['date-time', 'date', 'time', 'uuid', 'email', 'uri'])

function fieldSchema(field: ToolField, compact: boolean): Record<string, unknown> {
  const schema: Record<string, unknown> = {}
  const type = field.type && jsonTypes.has(field.type) ? field.type : 'string'
  schema.type = field.nullable ? [type, 'null'] : type
  if (type === 'array') schema.items = {}
  if (field.format && type === 'string' && checkedFormats.has(field.format)) schema.format = field.format
  if (field.enum && field.enum.length > 0) schema.enum = [...field.enum]
  if (!compact && field.description) schema.description = field.description.slice(0, 160)
  return schema
}

/** The arguments a model may give: every non-context parameter and body field, nothing else. */
export function userFacingFields(tool: Tool): ToolField[] {
  const fields: ToolField[] = []
  const seen = new Set<string>()
  for (const field of [...tool.parameters, ...tool.requestBody]) {
    if (field.context || seen.has(field.name)) continue
    seen.add(field.name)
    fields.push(field)
  }
  return fields
}

export function toolParametersSchema(tool: Tool, compact = false): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  const required: string[] = []
  for (const field of userFacingFields(tool)) {
    properties[field.name] = fieldSchema(field, compact)
    if (field.required) required.push(field.name)
  }
  return { type: 'object', properties, required, additionalProperties: false }
}

function describe(tool: Tool, compact: boolean): string {
  const text = [tool.summary, tool.description].filter(Boolean).join(' — ') || `${tool.method} ${tool.path}`
  const kind = tool.readOnly ? 'read' : 'CHANGES DATA (needs the user to confirm)'
  const limit = compact ? 80 : 300
  return `${text.length > limit ? `${text.slice(0, limit - 1)}…` : text} [${kind}]`
}

/** Function definitions are derived from the catalogue once per tool and form, then reused. */
export function createToolDefinitionCache() {
  const cache = new Map<string, FunctionDefinition>()
  return (tool: Tool, options: ToolDefinitionOptions = {}): FunctionDefinition => {
    const compact = options.compact === true
    const key = `${compact ? 'c' : 'f'}:${tool.id}`
    let definition = cache.get(key)
    if (!definition) {
      definition = {
        type: 'function',
        function: {
          name: tool.id,
          description: describe(tool, compact),
          parameters: toolParametersSchema(tool, compact),
        },
      }
      cache.set(key, definition)
    }
    return definition
  }
}
