import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { TurnResult, TurnUnderstanding } from '../ports/turn-handler.ts'

/** Decisions the model was sure of: a "krivo" on one of these is confident-and-wrong. */
const CONFIDENT: ReadonlySet<TurnUnderstanding['decision']> = new Set(['act', 'no-tool'])

/**
 * How messages were understood in production: every message the intent model read, by decision
 * and intent; "krivo" reports by the decision of the turn they are about; confident-and-wrong
 * (a "krivo" on an act / no-tool turn) by intent; and since-start ratios for a quick look
 * (windowed rates: `rate(m1_understanding_decisions_total{decision="clarify"}[1h])` over the sum).
 */
export function createUnderstandingMetrics(registry: Registry) {
  const tally = { read: 0, clarify: 0, fallback: 0, confident: 0, confidentWrong: 0, feedback: 0 }
  const ratio = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value())
      },
    })
  const decisions = new Counter({
    name: 'm1_understanding_decisions_total',
    help: 'Messages the intent model read, by what the turn did (act, no-tool, clarify, fallback) and top intent',
    labelNames: ['decision', 'intent'],
    registers: [registry],
  })
  const feedback = new Counter({
    name: 'm1_feedback_reports_total',
    help: '"krivo" reports, by the decision of the turn they are about (unread: the model had not read it)',
    labelNames: ['decision'],
    registers: [registry],
  })
  const confidentWrong = new Counter({
    name: 'm1_understanding_confident_wrong_total',
    help: '"krivo" reports on turns the model acted on confidently (act or no-tool), by intent',
    labelNames: ['intent'],
    registers: [registry],
  })
  ratio(
    'm1_understanding_clarification_ratio',
    'Share of read messages answered with a clarification question, since start',
    () => (tally.read ? tally.clarify / tally.read : 0),
  )
  ratio(
    'm1_understanding_fallback_ratio',
    'Share of read messages the model was not sure of (fallback to router and catalogue), since start',
    () => (tally.read ? tally.fallback / tally.read : 0),
  )
  ratio(
    'm1_understanding_confident_wrong_ratio',
    'Confident-and-wrong reports per confident decision (act or no-tool), since start',
    () => (tally.confident ? tally.confidentWrong / tally.confident : 0),
  )
  const retrains = new Counter({
    name: 'm1_intent_model_retrains_total',
    help: "Background retrainings of the intent model with operators' corrections, by result",
    labelNames: ['result'],
    registers: [registry],
  })
  const retrainSeconds = new Histogram({
    name: 'm1_intent_model_retrain_seconds',
    help: 'From a change of the corrections to the new model answering',
    buckets: [0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60],
    registers: [registry],
  })
  const operatorExamples = new Gauge({
    name: 'm1_intent_model_operator_examples',
    help: "Operators' corrections in the intent model answering now",
    registers: [registry],
  })

  return {
    /** Counts what one turn's result says about understanding and feedback. */
    observe(result: Pick<TurnResult, 'understanding' | 'flagged'>): void {
      const understanding = result.understanding
      if (understanding) {
        decisions.inc({ decision: understanding.decision, intent: understanding.intent ?? 'none' })
        tally.read++
        if (understanding.decision === 'clarify') tally.clarify++
        if (understanding.decision === 'fallback') tally.fallback++
        if (CONFIDENT.has(understanding.decision)) tally.confident++
      }
      const flagged = result.flagged
      if (flagged) {
        const about = flagged.understanding
        feedback.inc({ decision: about?.decision ?? 'unread' })
        tally.feedback++
        if (about && CONFIDENT.has(about.decision)) {
          confidentWrong.inc({ intent: about.intent ?? 'none' })
          tally.confidentWrong++
        }
      }
    },
    retrained(outcome: { result: 'swapped' | 'unchanged' | 'failed'; seconds?: number }) {
      retrains.inc({ result: outcome.result })
      if (outcome.seconds !== undefined) retrainSeconds.observe(outcome.seconds)
    },
    /** How many corrections the model answering now holds. */
    answering(examples: number) {
      operatorExamples.set(examples)
    },
  }
}

export type UnderstandingMetrics = ReturnType<typeof createUnderstandingMetrics>
