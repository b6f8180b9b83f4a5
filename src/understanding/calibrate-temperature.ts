import type { HeldOutScore } from './cross-validate.ts'

/** Mean negative log-likelihood of the true intents at a temperature. */
export function negativeLogLikelihood(scores: readonly HeldOutScore[], temperature: number): number {
  let total = 0
  for (const { logits, label } of scores) {
    let max = -Infinity
    for (const value of logits) if (value / temperature > max) max = value / temperature
    let sum = 0
    for (const value of logits) sum += Math.exp(value / temperature - max)
    total += Math.log(sum) + max - logits[label]! / temperature
  }
  return total / Math.max(1, scores.length)
}

const LOG_LOW = Math.log(0.05)
const LOG_HIGH = Math.log(50)
const STEPS = 40

/**
 * Temperature scaling (Guo et al. 2017): the one parameter T that makes softmax(logits / T) match
 * how often the model is right on held-out sentences. NLL is unimodal in log T, so a golden-section
 * search finds it in a few dozen evaluations; a library would be heavier than these lines.
 */
export function fitTemperature(scores: readonly HeldOutScore[]): number {
  const ratio = (Math.sqrt(5) - 1) / 2
  let low = LOG_LOW
  let high = LOG_HIGH
  let a = high - ratio * (high - low)
  let b = low + ratio * (high - low)
  let lossA = negativeLogLikelihood(scores, Math.exp(a))
  let lossB = negativeLogLikelihood(scores, Math.exp(b))
  for (let step = 0; step < STEPS; step++) {
    if (lossA < lossB) {
      high = b
      b = a
      lossB = lossA
      a = high - ratio * (high - low)
      lossA = negativeLogLikelihood(scores, Math.exp(a))
    } else {
      low = a
      a = b
      lossA = lossB
      b = low + ratio * (high - low)
      lossB = negativeLogLikelihood(scores, Math.exp(b))
    }
  }
  return Math.exp((low + high) / 2)
}
