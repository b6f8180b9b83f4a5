import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { Tool } from '../registry/tool.ts'
import { toolParametersSchema } from './tool-definition.ts'

export type ToolCallValidation =
  | { ok: true; tool: Tool; arguments: Record<string, unknown> }
  | { ok: false; error: string }

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

/**
 * Checks a model's tool call against the tool's JSON schema. No coercion and no defaults: a wrong
 * or missing argument goes back to the model with the exact error instead of being guessed.
 * Validators compile lazily (about 2 ms each) and are cached per tool.
 */
export function createToolCallValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false })
  addFormats(ajv)
  const validators = new Map<string, ValidateFunction>()

  return (tools: ReadonlyMap<string, Tool>, name: string, rawArguments: string): ToolCallValidation => {
    const tool = tools.get(name)
    if (!tool) {
      return { ok: false, error: `unknown tool "${name}"; use one of: ${[...tools.keys()].join(', ')}` }
    }
    let parsed: unknown
    try {
      parsed = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments)
    } catch (error) {
      return { ok: false, error: `arguments are not valid JSON: ${(error as Error).message}` }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { ok: false, error: 'arguments must be a JSON object' }
    }
    let validate = validators.get(tool.id)
    if (!validate) {
      validate = ajv.compile(toolParametersSchema(tool))
      validators.set(tool.id, validate)
    }
    if (!validate(parsed)) {
      const errors = (validate.errors ?? []).map((error) => {
        const where = error.instancePath || '(arguments)'
        if (error.keyword === 'additionalProperties') {
          return `unknown argument "${String(error.params.additionalProperty)}"`
        }
        if (error.keyword === 'required')
          return `missing required argument "${String(error.params.missingProperty)}"`
        return `${where} ${error.message ?? 'is invalid'}`
      })
      return { ok: false, error: `invalid arguments for ${tool.id}: ${errors.join('; ')}` }
    }
    return { ok: true, tool, arguments: parsed as Record<string, unknown> }
  }
}
