import type { Tool } from '../registry/tool.ts'
import { identifierWords } from './identifier-words.ts'

/** Searchable fields of a tool document, most telling first. */
export const DOCUMENT_FIELDS = ['entity', 'pair', 'action', 'parameter', 'text', 'fields', 'key'] as const
export type DocumentField = (typeof DOCUMENT_FIELDS)[number]

export type ToolDocument = Record<DocumentField, string[]> & {
  /** Literal path words beyond the subject (`GroupBy` -> 2): how specific the operation is. */
  pathActionWords: number
}

/**
 * A field name as the key of a grouping, sorting or filter ("po tipu", "prema statusu"): a term
 * of its own, so such a word points at the collection that has the field, not at an entity.
 */
export function keyTerm(word: string): string {
  return `@${word}`
}

/** Joins two words into the order-free pair term the query side builds too (`activity+type`). */
export function pairTerm(a: string, b: string): string {
  return a < b ? `${a}+${b}` : `${b}+${a}`
}

// English words of summaries that every operation of a family shares: they say nothing about
// which tool fits, and would only add length.
const TEXT_STOPWORDS: ReadonlySet<string> = new Set(
  'a an the of and or on in to for by with be is are based get all item items load lazy paging sorting filtering but result i e if there no data then that this it its from as can value specified single primary key returns return new inheritdoc'.split(
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
 * Path roots that only group operations (`/Lookup/PartnerTypeId`, `/Stats/NoMileageSince`): the
 * second segment names the subject, not a narrower operation, so it does not make the tool more
 * specific (its words stay in the action field: as entity words they outrank the real entities).
 */
const CONTAINER_ROOTS: ReadonlySet<string> = new Set(['lookup', 'stats'])

/**
 * Operation kinds shared by every family, with the words people use for them. The path word
 * alone (`agg`) is what the lexicon maps Croatian onto; these add the other names of the same
 * operation, so "aggregate", "sum" or "bulk" reach it too.
 */
const KIND_WORDS: Readonly<Record<string, string>> = {
  agg: 'aggregate sum min max statistic',
  groupby: 'aggregate grouped grouping',
  projectto: 'projection column',
  deletebycriteria: 'bulk',
  multipatch: 'bulk',
  thumb: 'thumbnail preview image',
  setasdefault: 'default',
  metadata: 'structure',
  documents: 'file attachment',
}
/** `DELETE /X` (no id) removes many items at once. */
const BULK_DELETE_WORDS = ['bulk', 'multiple']

/**
 * Operations over a whole collection whose subject is the collection's items: aggregates,
 * groupings, projections and bulk deletes filter or compute over the fields of `GET /X`, so those
 * field names describe them as well (an `Agg` tool's own response is just a number).
 */
const COLLECTION_OPERATIONS: ReadonlySet<string> = new Set([
  'agg',
  'groupby',
  'projectto',
  'deletebycriteria',
  'count',
  'multipatch',
])

/**
 * A tool as words: the entity (first path segment), order-free
 * pairs of adjacent words of one path segment (a compound entity named by two query words outranks tools
 * matching one of them), the action (other literal segments plus the words of its operation
 * kind), path parameters, summary/description/tags, and the names of parameters and fields (each
 * name once, so big schemas do not drown the path).
 */
export function buildToolDocument(tool: Tool, collectionFields: readonly string[] = []): ToolDocument {
  const segments = tool.path.split('/').filter(Boolean)
  const root = segments[0] ?? ''
  const entity = identifierWords(root)
  const rest = segments.slice(1)
  const container =
    CONTAINER_ROOTS.has(root.toLowerCase()) && rest[0] !== undefined && !PATH_PARAMETER.test(rest[0])
  const subjectWords = container ? identifierWords(rest[0]!).length : 0
  const entityWords = new Set(entity)
  const pair: string[] = []
  const addPairs = (words: readonly string[]) => {
    for (let i = 1; i < words.length; i++) pair.push(pairTerm(words[i - 1]!, words[i]!))
  }
  addPairs(entity)
  const action: string[] = []
  const parameter: string[] = []
  let literalWords = 0
  for (const segment of rest) {
    const parameterName = PATH_PARAMETER.exec(segment)
    if (parameterName) {
      parameter.push(...identifierWords(parameterName[1]!))
    } else {
      const words = identifierWords(segment)
      // `Lookup/TeamId` lists teams: the trailing `id` names the form field, not one item.
      if (container && segment === rest[0] && words.length > 1 && words[words.length - 1] === 'id')
        words.pop()
      addPairs(words)
      literalWords += words.length
      // A word the entity already says (`DocumentTypes/{id}/documents`) would count twice.
      action.push(...words.filter((word) => !entityWords.has(word)))
    }
  }
  const pathActionWords = Math.max(0, literalWords - subjectWords)
  const last = (segments[segments.length - 1] ?? '').toLowerCase()
  const kind = KIND_WORDS[last]
  if (kind) action.push(...kind.split(' '))
  if (tool.method === 'delete' && segments.length === 1) action.push(...BULK_DELETE_WORDS)
  const text = identifierWords([tool.summary, tool.description, ...tool.tags].join(' ')).filter(
    (word) => !TEXT_STOPWORDS.has(word),
  )
  const names = new Set<string>()
  for (const field of [...tool.parameters, ...tool.requestBody, ...tool.responseFields]) {
    if (COMMON_PARAMETERS.has(field.name.toLowerCase())) continue
    for (const word of identifierWords(field.name)) names.add(word)
  }
  for (const word of collectionFields) names.add(word)
  const fields = [...names]
  return { entity, pair, action, parameter, text, fields, key: fields.map(keyTerm), pathActionWords }
}

/** Field words of every `GET /X` (its response items), keyed by service and collection path. */
function collectionFieldWords(tools: readonly Tool[]): Map<string, string[]> {
  const byCollection = new Map<string, string[]>()
  for (const tool of tools) {
    if (tool.method !== 'get' || tool.responseFields.length === 0) continue
    const words = new Set<string>()
    for (const field of tool.responseFields) for (const word of identifierWords(field.name)) words.add(word)
    byCollection.set(`${tool.service} ${tool.path}`, [...words])
  }
  return byCollection
}

/** The collection path of a collection-level operation (`/X/Agg` -> `/X`, `DELETE /X` -> `/X`). */
function collectionOf(tool: Tool): string | undefined {
  const cut = tool.path.lastIndexOf('/')
  const last = tool.path.slice(cut + 1).toLowerCase()
  if (COLLECTION_OPERATIONS.has(last)) return tool.path.slice(0, cut)
  if (tool.method === 'delete' && cut === 0) return tool.path
  return undefined
}

/** Documents of a whole catalogue: collection operations also carry their collection's fields. */
export function buildToolDocuments(tools: readonly Tool[]): ToolDocument[] {
  const fieldsByCollection = collectionFieldWords(tools)
  return tools.map((tool) => {
    const collection = collectionOf(tool)
    const inherited = collection ? fieldsByCollection.get(`${tool.service} ${collection}`) : undefined
    return buildToolDocument(tool, inherited)
  })
}
