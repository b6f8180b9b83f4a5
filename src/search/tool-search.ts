import type { HttpMethod, Tool } from '../registry/tool.ts'
import type { ToolRegistry } from '../registry/tool-registry.ts'
import { isYear } from '../understanding/mask-values.ts'
import { asReading, type MessageReading } from '../understanding/read-message.ts'
import { Bm25Index, type Bm25Options } from './bm25-index.ts'
import { CompiledLexicon } from './compiled-lexicon.ts'
import { diversifyByEntity } from './diversify-by-entity.ts'
import { CROATIAN_LEXICON, type LexiconEntry, STOPWORDS } from './lexicon/hr.ts'
import { firstConvention, ROUTING_CONVENTIONS, type RoutingConvention } from './routing-conventions.ts'
import { buildToolDocuments, type DocumentField, type ToolDocument } from './tool-document.ts'
import { type QueryUnderstanding, understandQuery, type WordExplanation } from './understand-query.ts'

export interface SearchHit {
  id: string
  score: number
  tool: Tool
  /** Set when a routing convention put this tool first (fusion keeps such hits in front). */
  convention?: string
  /** Present with `explain`: why this tool ranked here. */
  explanation?: {
    matched: Partial<Record<DocumentField, string[]>>
    methodFactor: number
    convention?: string
  }
}

export interface SearchResult {
  /** Set when the message needs no API call (a direct answer); `hits` is then empty. */
  noTool?: { kind: string }
  hits: SearchHit[]
  /** Present with `explain`: how the message was read. */
  understanding?: { method?: HttpMethod; signals: string[]; words: WordExplanation[]; unknown: string[] }
}

export interface SearchOptions {
  top?: number
  explain?: boolean
  /** The message as `understand(text)` read it, when the caller already has it. */
  understood?: QueryUnderstanding
  /** False: plain score order, no cap per entity (for callers that re-rank the candidates). */
  diversify?: boolean
}

export interface ToolSearchOptions {
  lexicon?: readonly LexiconEntry[]
  stopwords?: readonly string[]
  bm25?: Bm25Options
  conventions?: readonly RoutingConvention[]
}

const CONVENTION_BONUS = 1000

/** Weight of a tool whose method differs from what the verbs ask for. */
function methodFactor(wanted: HttpMethod | undefined, actual: HttpMethod): number {
  if (wanted === undefined) return actual === 'get' ? 1 : 0.5
  if (wanted === actual) return 1
  if ((wanted === 'put' && actual === 'patch') || (wanted === 'patch' && actual === 'put')) return 0.8
  return 0.3
}

/**
 * A tool that needs an item id fits a message that names one (an `id`, a number, a plate);
 * otherwise the collection-level sibling is the better first step.
 */
const ID_PRIOR = 0.85
/** A list read when the message points at one item ("s ID-om 5"): the `/{id}` sibling fits better. */
const COLLECTION_PRIOR = 0.92
/** `DELETE /X` removes many items at once: an ordinary "obriši X" means one item. */
const BULK_DELETE_PRIOR = 0.9
/** `POST /X/multipatch` changes several items: a sibling of PUT/PATCH, not an "add". */
const MULTIPATCH_FACTOR = 0.8
/** Each path word beyond the entity (`GroupBy`, `documents`) makes an unmatched tool a bit less likely. */
const ACTION_WORD_PRIOR = 0.04
/**
 * Lookups (`/Lookup/PartnerTypeId`: id-name pairs for a form's select box) serve forms, not
 * people: they come first only when the message asks for a code list or names no other tool.
 */
const LOOKUP_PRIOR = 0.8
/** Counting tools (`NumOf...`, `/Count`) answer "koliko"; a "koji/prikaži" wants the items. */
const COUNT_PRIOR = 0.85
const COUNT_PATH = /NumOf|\/Count$|\/Agg$/
/**
 * Maintenance and form helpers (`/AddCase/parse`, `/SyncExternalIdAndVIN`, `/Recalculate...`,
 * `/VehicleInputHelper/...`) serve integrations and forms: first only when the message names them.
 */
const HELPER_PRIOR = 0.8
const HELPER_PATH = /\/parse$|\/Sync[A-Z]|\/Recalculate|InputHelper/
const HELPER_TERMS = ['parse', 'sync', 'recalculate', 'helper', 'distinct']
/**
 * A message that carries a year ("za 2022.") or a named month ("za veljaču") can fill a tool's
 * `{year}`/`{month}` path parameter: such a tool answers it directly, per filled parameter.
 */
const VALUE_PARAMETER_FACTOR = 1.1
/** By the bit mask of filled parameters (year 1, month 2). */
const VALUE_FACTORS = [1, VALUE_PARAMETER_FACTOR, VALUE_PARAMETER_FACTOR, VALUE_PARAMETER_FACTOR ** 2]
const YEAR_PARAMETER = /\{year\}/i
const MONTH_PARAMETER = /\{month\}/i
const VEHICLE_PARAMETER = /\{vehicleId\}/i

/** Path parameters that name one item (`{id}`, `{documentId}`); `{year}`, `{on}`, `{from}` do not. */
const ITEM_PARAMETERS = /\{(?:[^}]*Id|id|key|[^}]*IdOr[^}]*)\}/g
/**
 * A tool that needs two item ids (`/X/{id}/documents/{documentId}`) when the message gives at
 * most one value ("dokumenti aktivnosti 5"): the one-id sibling (`/X/{id}/documents`) fits better.
 */
const SECOND_ID_PRIOR = 0.85

/** Candidates kept for diversification, per requested hit. */
const POOL_FACTOR = 4

/**
 * Offline tool retrieval for Croatian messages. Everything that depends only on the catalogue is
 * built once here; a query walks the postings of its own terms and selects the top k in one pass.
 */
export class ToolSearch {
  readonly lexicon: CompiledLexicon
  readonly index: Bm25Index
  readonly documents: readonly ToolDocument[]
  readonly tools: readonly Tool[]
  private readonly positionOf = new Map<string, number>()
  private readonly conventions: readonly RoutingConvention[]
  // Scratch buffers reused by every query (queries run one at a time on the event loop).
  private readonly scores: Float32Array
  private readonly seen: Uint8Array
  private readonly needsItemId: Uint8Array
  private readonly specificityPrior: Float32Array
  private readonly isMultipatch: Uint8Array
  /** Per tool: 1 a lookup, 2 a counting tool, 3 a helper, 0 otherwise (see the priors above). */
  private readonly kind: Uint8Array
  /** Per tool: 1 when its item id is a vehicle's (`/Vehicles/{id}`, `{vehicleId}`). */
  private readonly takesVehicle: Uint8Array
  /** Per tool: bit 1 a `{year}` path parameter, bit 2 a `{month}` one. */
  private readonly valueParameters: Uint8Array

  constructor(registry: ToolRegistry, options: ToolSearchOptions = {}) {
    this.tools = registry.all()
    for (const [position, tool] of this.tools.entries()) this.positionOf.set(tool.id, position)
    this.lexicon = new CompiledLexicon(options.lexicon ?? CROATIAN_LEXICON, options.stopwords ?? STOPWORDS)
    this.documents = buildToolDocuments(this.tools)
    this.index = new Bm25Index(this.documents, options.bm25)
    this.conventions = options.conventions ?? ROUTING_CONVENTIONS
    this.needsItemId = Uint8Array.from(this.tools, (tool) => tool.path.match(ITEM_PARAMETERS)?.length ?? 0)
    this.isMultipatch = Uint8Array.from(this.tools, (tool) =>
      tool.path.toLowerCase().endsWith('/multipatch') ? 1 : 0,
    )
    this.kind = Uint8Array.from(this.tools, (tool) =>
      tool.entity.toLowerCase() === 'lookup'
        ? 1
        : COUNT_PATH.test(tool.path)
          ? 2
          : HELPER_PATH.test(tool.path)
            ? 3
            : 0,
    )
    this.valueParameters = Uint8Array.from(
      this.tools,
      (tool) => (YEAR_PARAMETER.test(tool.path) ? 1 : 0) | (MONTH_PARAMETER.test(tool.path) ? 2 : 0),
    )
    this.specificityPrior = Float32Array.from(
      this.documents,
      (document) => 1 - ACTION_WORD_PRIOR * Math.min(5, document.pathActionWords),
    )
    this.takesVehicle = Uint8Array.from(this.tools, (tool) =>
      tool.entity === 'Vehicles' || VEHICLE_PARAMETER.test(tool.path) ? 1 : 0,
    )
    this.scores = new Float32Array(this.tools.length)
    this.seen = new Uint8Array(this.tools.length)
  }

  understand(message: string | MessageReading): QueryUnderstanding {
    return understandQuery(message, this.lexicon, this.index)
  }

  search(message: string | MessageReading, options: SearchOptions = {}): SearchResult {
    const reading = asReading(message)
    const top = Math.max(1, options.top ?? 5)
    const pool = top * POOL_FACTOR
    const query = options.understood ?? this.understand(reading)
    const touched: number[] = []
    const { scores, seen } = this
    this.index.accumulate(query.terms, scores, seen, touched)

    // Conventions: their tools lead, in order, even if no term matched them.
    const match = firstConvention(query, this.conventions)
    const leading: number[] = []
    for (const id of match?.ids ?? []) {
      const position = this.positionOf.get(id)
      if (position !== undefined) leading.push(position)
    }
    const convention = leading.length > 0 ? match?.name : undefined
    leading.forEach((position, rank) => {
      if (seen[position] === 0) {
        seen[position] = 1
        touched.push(position)
      }
      scores[position]! += CONVENTION_BONUS * (leading.length - rank)
    })

    // One pass: apply the method factor and keep the k best in a small sorted array.
    const best: { doc: number; score: number; factor: number }[] = []
    // "s ID-om 5", "detalji ...": one item is meant. A bare number is weaker ("10 rezultata").
    const pointsAtItem = query.termSet.has('id') || query.signals.has('%detail')
    // A year ("za 2024.") is a period, not an item number.
    const itemNumbers = query.signals.has('%yearvalue')
      ? query.numbers.filter((n) => !isYear(n))
      : query.numbers
    const namesItem =
      pointsAtItem || (itemNumbers.length > 0 && !query.signals.has('%paging')) || query.emails.length > 0
    // A plate names a vehicle: it fills the id of a vehicle tool, not of a mileage report.
    const namesVehicle = namesItem || query.plates.length > 0
    const bulk =
      query.termSet.has('criteria') ||
      query.termSet.has('bulk') ||
      query.termSet.has('multipatch') ||
      query.signals.has('%list')
    const kindPrior = [
      1,
      query.termSet.has('lookup') ? 1 : LOOKUP_PRIOR,
      query.signals.has('%howmany') || query.termSet.has('num') || query.termSet.has('count')
        ? 1
        : COUNT_PRIOR,
      HELPER_TERMS.some((term) => query.termSet.has(term)) ? 1 : HELPER_PRIOR,
    ]
    const filled = (query.signals.has('%yearvalue') ? 1 : 0) | (query.signals.has('%monthvalue') ? 2 : 0)
    for (const doc of touched) {
      const tool = this.tools[doc]!
      const factor =
        VALUE_FACTORS[this.valueParameters[doc]! & filled]! *
        (this.isMultipatch[doc] && (query.method === 'put' || query.method === 'patch')
          ? MULTIPATCH_FACTOR
          : methodFactor(query.method, tool.method)) *
        this.specificityPrior[doc]! *
        kindPrior[this.kind[doc]!]! *
        (this.needsItemId[doc]
          ? (this.takesVehicle[doc] ? namesVehicle : namesItem) || tool.method !== 'get'
            ? this.needsItemId[doc]! > 1 && query.values < 2
              ? SECOND_ID_PRIOR
              : 1
            : ID_PRIOR
          : tool.method === 'delete' && !bulk
            ? BULK_DELETE_PRIOR
            : tool.method === 'get' && pointsAtItem
              ? COLLECTION_PRIOR
              : 1)
      const score = scores[doc]! >= CONVENTION_BONUS ? scores[doc]! : scores[doc]! * factor
      scores[doc] = 0
      seen[doc] = 0
      if (score <= 0 || (best.length === pool && score <= best[pool - 1]!.score)) continue
      let at = best.length
      while (at > 0 && best[at - 1]!.score < score) at--
      best.splice(at, 0, { doc, score, factor })
      if (best.length > pool) best.pop()
    }
    const ranked =
      options.diversify === false
        ? best.slice(0, top)
        : diversifyByEntity(best, top, (candidate) => this.tools[candidate.doc]!.entity)
    const hits = ranked.map(({ doc, score, factor }): SearchHit => {
      const tool = this.tools[doc]!
      const hit: SearchHit = { id: tool.id, score: Math.round(score * 1000) / 1000, tool }
      if (convention && leading.includes(doc)) hit.convention = convention
      if (options.explain) {
        hit.explanation = {
          matched: this.index.matchedFields(doc, query.terms),
          methodFactor: Math.round(factor * 1000) / 1000,
          ...(leading.includes(doc) && convention ? { convention } : {}),
        }
      }
      return hit
    })
    const result: SearchResult = { hits }
    if (options.explain) {
      result.understanding = {
        method: query.method,
        signals: [...query.signals],
        words: query.words,
        unknown: query.unknown,
      }
    }
    return result
  }
}
