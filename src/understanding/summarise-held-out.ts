import type { HeldOutScore } from './cross-validate.ts'
import { type DecisionThresholds, decideIntent } from './decide-intent.ts'

export interface HeldOutSummary {
  n: number
  /** Top intent is the true one. */
  accuracy: number
  /** Decided `act` on a wrong intent, over all messages. */
  confidentWrong: number
  clarifyRate: number
  /** Share of clarifications that offer the true intent. */
  clarifyHolds: number
  fallbackRate: number
  /** Share of `act` decisions that are right. */
  actPrecision: number
}

const round = (value: number) => Math.round(value * 10_000) / 10_000

/** Decision figures of held-out scores at a temperature and thresholds (for choosing them). */
export function summariseHeldOut(
  scores: readonly HeldOutScore[],
  intents: readonly string[],
  temperature: number,
  thresholds: DecisionThresholds,
): HeldOutSummary {
  let right = 0
  let acted = 0
  let actedWrong = 0
  let clarified = 0
  let clarifyHolds = 0
  let fallback = 0
  for (const score of scores) {
    const logits = Array.from(score.logits, (value) => value / temperature)
    const max = Math.max(...logits)
    const exps = logits.map((value) => Math.exp(value - max))
    const sum = exps.reduce((a, b) => a + b, 0)
    const ranking = exps
      .map((value, c) => ({ intent: intents[c]!, p: value / sum }))
      .sort((a, b) => b.p - a.p)
    const truth = intents[score.label]!
    if (ranking[0]!.intent === truth) right++
    const decision = decideIntent({ ranking, anchors: score.anchors }, thresholds)
    if (decision.kind === 'act') {
      acted++
      if (decision.intent !== truth) actedWrong++
    } else if (decision.kind === 'clarify') {
      clarified++
      if (decision.candidates.some((candidate) => candidate.intent === truth)) clarifyHolds++
    } else fallback++
  }
  const n = Math.max(1, scores.length)
  return {
    n: scores.length,
    accuracy: round(right / n),
    confidentWrong: round(actedWrong / n),
    clarifyRate: round(clarified / n),
    clarifyHolds: round(clarifyHolds / Math.max(1, clarified)),
    fallbackRate: round(fallback / n),
    actPrecision: round((acted - actedWrong) / Math.max(1, acted)),
  }
}
