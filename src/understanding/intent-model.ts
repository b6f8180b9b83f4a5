import {
  FeatureSpace,
  type FeatureSpaceData,
  fromBase64,
  type SparseVector,
  toBase64,
} from './feature-space.ts'
import { FEATURE_VERSION, featurise } from './featurise.ts'
import type { CorpusExample } from './load-corpus.ts'
import type { MessageReading } from './read-message.ts'
import { seededRandom, shuffle } from './seeded-random.ts'

/**
 * Multinomial logistic regression (softmax, L2) over the sparse features of `featurise`, trained
 * by AdaGrad. Hand-written on purpose: the JS ML libraries we looked at are dense (a 60k-feature x
 * 28-class design matrix would be gigabytes) or ship their own tokenisation and no softmax over
 * sparse input; the whole optimiser is the loop in `trainIntentModel`.
 * Bump MODEL_VERSION when training or the file format changes (cached models are keyed by it).
 */
export const MODEL_VERSION = 1

export interface TrainOptions {
  epochs?: number
  learningRate?: number
  /** L2 strength, applied to the weights a sentence touches (sparse, lazy regularisation). */
  l2?: number
  seed?: number
  minFeatureCount?: number
  /** Divides the logits before the softmax: the value calibration chose (see decide-intent.ts). */
  temperature?: number
}

export interface IntentScore {
  intent: string
  p: number
}

export interface Prediction {
  /** Every intent, most probable first; probabilities sum to 1. */
  ranking: IntentScore[]
  /** Known words/stems/emoji in the message (0: nothing the model has ever seen). */
  anchors: number
}

interface SerialisedIntentModel {
  format: 'm1-intent-model'
  modelVersion: number
  featureVersion: number
  intents: string[]
  space: FeatureSpaceData
  /** Int8 per weight, feature-major (the class weights of one feature are adjacent), base64. */
  weights: string
  /** Float32 scale per feature row, base64. */
  scales: string
  bias: number[]
  temperature: number
}

const DEFAULTS: Required<TrainOptions> = {
  epochs: 8,
  learningRate: 0.4,
  l2: 1e-6,
  seed: 12,
  minFeatureCount: 2,
  temperature: 1,
}
/** Below this the gradient of a class is numerically nothing: skipping it is most of the speed. */
const NEGLIGIBLE_GRADIENT = 1e-4
const EPSILON = 1e-8
const INT8_MAX = 127

/**
 * Rounds each feature's class weights to 255 levels of its own scale, in place. Done at the end of
 * training, so the model in memory is exactly the one a file holds (a quarter of float32's size).
 */
function quantiseRows(weights: Float32Array, classes: number): { levels: Int8Array; scales: Float32Array } {
  const rows = weights.length / classes
  const levels = new Int8Array(weights.length)
  const scales = new Float32Array(rows)
  for (let row = 0; row < rows; row++) {
    let max = 0
    for (let c = 0; c < classes; c++) max = Math.max(max, Math.abs(weights[row * classes + c]!))
    const scale = max / INT8_MAX
    scales[row] = scale
    for (let c = 0; c < classes; c++) {
      const at = row * classes + c
      levels[at] = scale === 0 ? 0 : Math.round(weights[at]! / scale)
      weights[at] = levels[at]! * scales[row]!
    }
  }
  return { levels, scales }
}

function dequantise(levels: Int8Array, scales: Float32Array, classes: number): Float32Array {
  const weights = new Float32Array(levels.length)
  for (let at = 0; at < levels.length; at++) weights[at] = levels[at]! * scales[Math.floor(at / classes)]!
  return weights
}

function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity
  for (const value of values) if (value > max) max = value
  let sum = 0
  for (let c = 0; c < values.length; c++) {
    values[c] = Math.exp(values[c]! - max)
    sum += values[c]!
  }
  for (let c = 0; c < values.length; c++) values[c]! /= sum
}

export class IntentModel {
  private constructor(
    readonly intents: readonly string[],
    readonly space: FeatureSpace,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    /** Divides the logits before the softmax; fitted on held-out folds (see calibrate-temperature). */
    readonly temperature: number,
  ) {}

  /** Trains on the given sentences (already augmented, if wanted). */
  static train(examples: readonly CorpusExample[], intents: readonly string[], options: TrainOptions = {}) {
    const settings = { ...DEFAULTS, ...options }
    const classOf = new Map(intents.map((intent, index) => [intent, index]))
    const featureLists = examples.map((example) => featurise(example.text))
    const { space, vectors } = FeatureSpace.fromTraining(featureLists, settings.minFeatureCount)
    const labels = Int32Array.from(examples, (example) => {
      const label = classOf.get(example.intent)
      if (label === undefined) throw new Error(`example of unknown intent "${example.intent}"`)
      return label
    })
    const classes = intents.length
    const weights = new Float32Array(space.size * classes)
    const bias = new Float32Array(classes)
    const squaredWeights = new Float32Array(weights.length)
    const squaredBias = new Float64Array(classes)
    const probabilities = new Float64Array(classes)
    const activeClasses = new Int32Array(classes)
    const gradients = new Float64Array(classes)
    const random = seededRandom(settings.seed)
    const order = Array.from(examples, (_, index) => index)
    const { learningRate, l2 } = settings
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      shuffle(random, order)
      for (const example of order) {
        const { indices, values } = vectors[example]!
        IntentModel.logitsInto(indices, values, weights, bias, classes, probabilities)
        softmaxInPlace(probabilities)
        const label = labels[example]!
        let active = 0
        for (let c = 0; c < classes; c++) {
          const gradient = probabilities[c]! - (c === label ? 1 : 0)
          if (Math.abs(gradient) < NEGLIGIBLE_GRADIENT) continue
          activeClasses[active] = c
          gradients[active++] = gradient
          squaredBias[c]! += gradient * gradient
          bias[c]! -= (learningRate * gradient) / Math.sqrt(squaredBias[c]! + EPSILON)
        }
        // Feature-major: the classes of one feature are adjacent in memory.
        for (let k = 0; k < indices.length; k++) {
          const row = indices[k]! * classes
          const value = values[k]!
          for (let a = 0; a < active; a++) {
            const at = row + activeClasses[a]!
            const step = gradients[a]! * value + l2 * weights[at]!
            squaredWeights[at]! += step * step
            weights[at]! -= (learningRate * step) / Math.sqrt(squaredWeights[at]! + EPSILON)
          }
        }
      }
    }
    quantiseRows(weights, classes)
    return new IntentModel(intents, space, weights, bias, settings.temperature)
  }

  private static logitsInto(
    indices: Int32Array,
    values: Float32Array,
    weights: Float32Array,
    bias: Float32Array,
    classes: number,
    out: Float64Array,
  ): void {
    for (let c = 0; c < classes; c++) out[c] = bias[c]!
    for (let k = 0; k < indices.length; k++) {
      const row = indices[k]! * classes
      const value = values[k]!
      for (let c = 0; c < classes; c++) out[c]! += weights[row + c]! * value
    }
  }

  /** The same model with another temperature (calibration does not retrain). */
  withTemperature(temperature: number): IntentModel {
    return new IntentModel(this.intents, this.space, this.weights, this.bias, temperature)
  }

  vectorise(text: string | MessageReading): SparseVector {
    return this.space.vectorise(featurise(text))
  }

  /** Raw scores per intent (before temperature and softmax), in `intents` order. */
  logits(text: string | MessageReading): { logits: Float64Array; anchors: number } {
    const { indices, values, anchors } = this.vectorise(text)
    const logits = new Float64Array(this.intents.length)
    IntentModel.logitsInto(indices, values, this.weights, this.bias, this.intents.length, logits)
    return { logits, anchors }
  }

  predict(text: string | MessageReading): Prediction {
    const { logits, anchors } = this.logits(text)
    for (let c = 0; c < logits.length; c++) logits[c]! /= this.temperature
    softmaxInPlace(logits)
    const ranking = this.intents.map((intent, c) => ({ intent, p: logits[c]! }))
    ranking.sort((a, b) => b.p - a.p)
    return { ranking, anchors }
  }

  serialise(): string {
    const data: SerialisedIntentModel = {
      format: 'm1-intent-model',
      modelVersion: MODEL_VERSION,
      featureVersion: FEATURE_VERSION,
      intents: [...this.intents],
      space: this.space.toData(),
      ...(() => {
        const { levels, scales } = quantiseRows(new Float32Array(this.weights), this.intents.length)
        return { weights: toBase64(levels), scales: toBase64(scales) }
      })(),
      bias: Array.from(this.bias),
      temperature: this.temperature,
    }
    return JSON.stringify(data)
  }

  /** Reads `serialise` output; throws when the file is not a model of this code's versions. */
  static deserialise(text: string): IntentModel {
    const data = JSON.parse(text) as SerialisedIntentModel
    if (data.format !== 'm1-intent-model') throw new Error('not an intent model file')
    if (data.modelVersion !== MODEL_VERSION || data.featureVersion !== FEATURE_VERSION)
      throw new Error(
        `intent model of versions ${data.modelVersion}/${data.featureVersion}, code expects ${MODEL_VERSION}/${FEATURE_VERSION}`,
      )
    const space = FeatureSpace.fromData(data.space)
    const weights = dequantise(
      new Int8Array(fromBase64(data.weights)),
      new Float32Array(fromBase64(data.scales)),
      data.intents.length,
    )
    if (weights.length !== space.size * data.intents.length)
      throw new Error('intent model weights do not fit')
    return new IntentModel(data.intents, space, weights, Float32Array.from(data.bias), data.temperature)
  }
}
