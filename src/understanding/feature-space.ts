import { FEATURE_GROUP_COUNT, FeatureGroup, groupOfFeature } from './featurise.ts'

/** A message as the model reads it: feature indices and their weights. */
export interface SparseVector {
  indices: Int32Array
  values: Float32Array
  /**
   * Known words, stems and emoji: 0 means nothing in the message was ever seen in training
   * (garbage, another language), whatever the character n-grams happen to share.
   */
  anchors: number
}

/**
 * How much each feature group weighs after its own L2 normalisation: character n-grams are many
 * per word and would otherwise drown the words; bigrams add word order more than meaning.
 */
const GROUP_WEIGHTS: Readonly<Record<FeatureGroup, number>> = {
  [FeatureGroup.word]: 1,
  [FeatureGroup.bigram]: 0.6,
  [FeatureGroup.stem]: 0.8,
  [FeatureGroup.chars]: 1,
  [FeatureGroup.emoji]: 0.8,
  [FeatureGroup.question]: 0.3,
}
const ANCHOR_GROUPS = new Set<number>([FeatureGroup.word, FeatureGroup.stem, FeatureGroup.emoji])

export interface FeatureSpaceData {
  /** Feature ids (Uint32), base64. */
  ids: string
  /** Inverse document frequencies (Float32), base64. */
  idf: string
}

export const toBase64 = (array: ArrayBufferView) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
/** Copies into a fresh buffer: a decoded Buffer's offset into its pool need not be aligned. */
export const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64')).buffer

/**
 * The vocabulary (feature id -> index, a Map: one lookup per feature of a message, never a scan)
 * with inverse document frequencies, built once from the training sentences.
 */
export class FeatureSpace {
  private readonly indexOf: Map<number, number>

  private constructor(
    readonly ids: Uint32Array,
    readonly idf: Float32Array,
  ) {
    this.indexOf = new Map(Array.from(ids, (id, index) => [id, index]))
  }

  get size(): number {
    return this.ids.length
  }

  /**
   * Builds the vocabulary from the training sentences and vectorises them. Keeps features seen
   * in at least `minCount` sentences: rarer ones are mostly one typo's noise.
   */
  static fromTraining(
    featureLists: readonly (readonly number[])[],
    minCount = 2,
  ): { space: FeatureSpace; vectors: SparseVector[] } {
    const documentCount = new Map<number, number>()
    const seenIn = new Map<number, number>()
    featureLists.forEach((features, listIndex) => {
      for (const id of features) {
        if (seenIn.get(id) === listIndex) continue
        seenIn.set(id, listIndex)
        documentCount.set(id, (documentCount.get(id) ?? 0) + 1)
      }
    })
    const kept = [...documentCount].filter(([, count]) => count >= minCount)
    const total = featureLists.length
    const space = new FeatureSpace(
      Uint32Array.from(kept, ([id]) => id),
      Float32Array.from(kept, ([, count]) => Math.log((total + 1) / (count + 1)) + 1),
    )
    return { space, vectors: featureLists.map((features) => space.vectorise(features)) }
  }

  static fromData(data: FeatureSpaceData): FeatureSpace {
    return new FeatureSpace(new Uint32Array(fromBase64(data.ids)), new Float32Array(fromBase64(data.idf)))
  }

  toData(): FeatureSpaceData {
    return { ids: toBase64(this.ids), idf: toBase64(this.idf) }
  }

  /** Log-count x idf, L2-normalised per group, then weighted by group; unknown features dropped. */
  vectorise(features: readonly number[]): SparseVector {
    const counts = new Map<number, number>()
    for (const id of features) {
      const index = this.indexOf.get(id)
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1)
    }
    const indices = new Int32Array(counts.size)
    const values = new Float32Array(counts.size)
    const groups = new Uint8Array(counts.size)
    const squares = new Float64Array(FEATURE_GROUP_COUNT)
    let at = 0
    let anchors = 0
    for (const [index, count] of counts) {
      const value = (1 + Math.log(count)) * this.idf[index]!
      const group = groupOfFeature(this.ids[index]!)
      squares[group]! += value * value
      if (ANCHOR_GROUPS.has(group)) anchors++
      indices[at] = index
      groups[at] = group
      values[at++] = value
    }
    const scale = Array.from(squares, (sum, group) =>
      sum > 0 ? GROUP_WEIGHTS[group as FeatureGroup] / Math.sqrt(sum) : 0,
    )
    for (let i = 0; i < at; i++) values[i]! *= scale[groups[i]!]!
    return { indices, values, anchors }
  }
}
