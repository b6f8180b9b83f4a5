import type { Tool } from '../registry/tool.ts'
import { identifierWords } from './identifier-words.ts'

/** Searchable fields of a tool document, most telling first. */
export const DOCUMENT_FIELDS = ['entity', 'action', 'parameter', 'text', 'fields'] as const
export type DocumentField = (typeof DOCUMENT_FIELDS)[number]

export type ToolDocument = Record<DocumentField, string[]>

// English words of summaries that every operation of a family shares: they say nothing about
// which tool fits, and would only add length.
const TEXT_STOPWORDS: ReadonlySet<string> = new Set(
  'a an the of and or on in to for by with be is are based get all item items load lazy paging sorting filtering but result i e if there no data then that this it its from as can value specified single primary key returns return new'.split(
    ' ',
  ),
)
const PATH_PARAMETER = /^\{(.+)\}$/
/** Paging, sorting and tenant parameters every list operation has (UPSTREAM §1.4). */
const COMMON_PARAMETERS: ReadonlySet<string> = new Set([
  'first',
  'rows',
  'sort',
  'sortorder',
  'filter',
  'useandfor',
  'x-tenant',
])

/**
 * A tool as words: the entity (first path segment), the action (other literal segments), path
 * parameters (`id` for any `{...Id}`), summary/description/tags, and the names of parameters and
 * fields (each name once, so big schemas do not drown the path).
 */
export function buildToolDocument(tool: Tool): ToolDocument {
  const segments = tool.path.split('/').filter(Boolean)
  const entity = identifierWords(segments[0] ?? '')
  const action: string[] = []
  const parameter: string[] = []
  for (const segment of segments.slice(1)) {
    const parameterName = PATH_PARAMETER.exec(segment)
    if (parameterName) {
      parameter.push(...identifierWords(parameterName[1]!))
    } else action.push(...identifierWords(segment))
  }
  const text = identifierWords([tool.summary, tool.description, ...tool.tags].join(' ')).filter(
    (word) => !TEXT_STOPWORDS.has(word),
  )
  const names = new Set<string>()
  for (const field of [...tool.parameters, ...tool.requestBody, ...tool.responseFields]) {
    if (COMMON_PARAMETERS.has(field.name.toLowerCase())) continue
    for (const word of identifierWords(field.name)) names.add(word)
  }
  return { entity, action, parameter, text, fields: [...names] }
}
