import type { Tool } from '../registry/tool.ts'
import type { ToolDocument } from './tool-document.ts'

/** Field names beyond this add tokens (and cost) but little meaning to one vector. */
const MAX_FIELD_WORDS = 40

const VERB: Readonly<Record<Tool['method'], string>> = {
  get: 'read',
  post: 'create',
  put: 'update',
  patch: 'partially update',
  delete: 'delete',
}

/**
 * What a tool's vector is made from: the operation in words (verb, path words, operation kind),
 * its summary and tags, and the first field names. The same text always gives the same cache key.
 */
export function toolEmbeddingText(tool: Tool, document: ToolDocument): string {
  const parts = [
    `${VERB[tool.method]} ${document.entity.join(' ')} ${document.action.join(' ')}`.trim(),
    document.parameter.length > 0 ? `by ${document.parameter.join(' ')}` : '',
    tool.summary.replace(/\s+/g, ' ').trim(),
    tool.tags.join(', '),
    document.fields.length > 0 ? `fields: ${document.fields.slice(0, MAX_FIELD_WORDS).join(' ')}` : '',
  ]
  return parts.filter(Boolean).join('. ')
}
