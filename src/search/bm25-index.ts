import { DOCUMENT_FIELDS, type DocumentField, type ToolDocument } from './tool-document.ts'

export type FieldWeights = Readonly<Record<DocumentField, number>>

export const DEFAULT_FIELD_WEIGHTS: FieldWeights = {
  entity: 3,
  pair: 0.5,
  action: 2.2,
  parameter: 0.8,
  text: 0.35,
  fields: 0.15,
  key: 1,
}

/**
 * Length normalisation per field: full for the path words (a longer path is a more specific
 * tool), none for field names (a big schema is not a less relevant tool).
 */
export const DEFAULT_FIELD_B: FieldWeights = {
  entity: 0.75,
  pair: 0.5,
  action: 0.75,
  parameter: 0.5,
  text: 0.3,
  fields: 0,
  key: 0,
}

export interface Bm25Options {
  weights?: FieldWeights
  k1?: number
  b?: FieldWeights
}

export interface WeightedTerm {
  term: string
  weight: number
}

interface Postings {
  docs: Int32Array
  /** The term's complete BM25F contribution to each doc, computed at build time. */
  scores: Float32Array
}

/**
 * Field-weighted BM25 (BM25F): per-field term frequencies are length-normalised, weighted and
 * summed before saturation. Every term's contribution to every document is precomputed, so a
 * query only walks the postings of its own terms and adds floats.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Postings>()
  /** Per document: term -> bit mask of the fields it occurs in (for explanations only). */
  private readonly fieldsOfTerm: Map<string, number>[] = []
  readonly size: number

  constructor(documents: readonly ToolDocument[], options: Bm25Options = {}) {
    const weights = options.weights ?? DEFAULT_FIELD_WEIGHTS
    const k1 = options.k1 ?? 1.2
    const b = options.b ?? DEFAULT_FIELD_B
    this.size = documents.length
    const averageLength = DOCUMENT_FIELDS.map(
      (field) =>
        documents.reduce((sum, document) => sum + document[field].length, 0) /
          Math.max(1, documents.length) || 1,
    )
    const weightedTf = new Map<string, { docs: number[]; tf: number[] }>()
    documents.forEach((document, docIndex) => {
      const perDoc = new Map<string, number>()
      const masks = new Map<string, number>()
      DOCUMENT_FIELDS.forEach((field, fieldIndex) => {
        const words = document[field]
        if (words.length === 0) return
        const norm = 1 - b[field] + (b[field] * words.length) / averageLength[fieldIndex]!
        const scale = weights[field] / norm
        for (const word of words) {
          perDoc.set(word, (perDoc.get(word) ?? 0) + scale)
          masks.set(word, (masks.get(word) ?? 0) | (1 << fieldIndex))
        }
      })
      this.fieldsOfTerm.push(masks)
      for (const [term, tf] of perDoc) {
        const entry = weightedTf.get(term)
        if (entry) {
          entry.docs.push(docIndex)
          entry.tf.push(tf)
        } else weightedTf.set(term, { docs: [docIndex], tf: [tf] })
      }
    })
    const n = documents.length
    for (const [term, { docs, tf }] of weightedTf) {
      const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5))
      const scores = new Float32Array(tf.length)
      for (let i = 0; i < tf.length; i++) scores[i] = (idf * (tf[i]! * (k1 + 1))) / (tf[i]! + k1)
      this.postings.set(term, { docs: Int32Array.from(docs), scores })
    }
  }

  has(term: string): boolean {
    return this.postings.has(term)
  }

  /** Adds each term's contributions into `scores`; documents seen for the first time go to `touched`. */
  accumulate(
    terms: readonly WeightedTerm[],
    scores: Float32Array,
    seen: Uint8Array,
    touched: number[],
  ): void {
    for (const { term, weight } of terms) {
      const postings = this.postings.get(term)
      if (!postings) continue
      const { docs, scores: contributions } = postings
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!
        if (seen[doc] === 0) {
          seen[doc] = 1
          touched.push(doc)
        }
        scores[doc]! += weight * contributions[i]!
      }
    }
  }

  /** Which fields of a document contain each of the terms (for `--explain`). */
  matchedFields(doc: number, terms: readonly WeightedTerm[]): Partial<Record<DocumentField, string[]>> {
    const masks = this.fieldsOfTerm[doc]!
    const result: Partial<Record<DocumentField, string[]>> = {}
    for (const { term } of terms) {
      const mask = masks.get(term)
      if (!mask) continue
      DOCUMENT_FIELDS.forEach((field, index) => {
        if (!(mask & (1 << index))) return
        const list = result[field] ?? []
        list.push(term)
        result[field] = list
      })
    }
    return result
  }

  /** Rough heap footprint of the postings (typed arrays plus keys). */
  approximateBytes(): number {
    let bytes = 0
    for (const [term, postings] of this.postings)
      bytes += term.length * 2 + postings.docs.byteLength + postings.scores.byteLength + 64
    return bytes
  }
}
