import type { IntentClassification } from '../../understanding/create-intent-classifier.ts'
import type { Intent } from '../detect-intent.ts'
import { INTENT_LABELS, isLowRisk, type ModelAction, modelAction, sameIntent } from './model-actions.ts'

/**
 * Where a fresh message goes. The one routing decision of the dialogue; `bench:understanding`
 * and `m1 eval routing` measure this same function, so their figures are the product's.
 */
export type MessageRoute =
  /** The model is sure: its intent's flow, tool or direct answer. */
  | { kind: 'model'; intent: string; action: Exclude<ModelAction, { kind: 'search' }> }
  /** The rule router's template intent: it names one of the model's close candidates, or the model is not sure. */
  | { kind: 'rules'; intent: Intent; why: 'agreed' | 'fallback' }
  /** Two or three close candidates, asked with buttons. */
  | { kind: 'clarify'; intents: string[] }
  /** Nothing confident: catalogue search, then the helpful fallback. */
  | { kind: 'search' }

/** Catalogue hits below this score are not acted on: the fallback reply answers instead. */
export const CATALOGUE_MIN_SCORE = 1

export function routeMessage(classification: IntentClassification, rules: Intent | undefined): MessageRoute {
  const { decision } = classification
  if (decision.kind === 'act') {
    const action = modelAction(decision.intent)
    // A question whether cars are free is a booking the user starts by seeing them: the router's
    // free-cars reading (the booking flow in list mode) names that, the model only "book".
    const freeCars = rules?.kind === 'read' && rules.read === 'free-vehicles'
    if (freeCars && action.kind === 'template' && action.intent.kind === 'write')
      return { kind: 'rules', intent: rules, why: 'agreed' }
    if (action.kind !== 'search') return { kind: 'model', intent: decision.intent, action }
  } else if (decision.kind === 'clarify') {
    const candidates = decision.candidates.map((candidate) => candidate.intent)
    const agreed =
      rules !== undefined &&
      candidates.some((name) => {
        const action = modelAction(name)
        return action.kind === 'template' && sameIntent(action.intent, rules)
      })
    if (agreed) return { kind: 'rules', intent: rules, why: 'agreed' }
    const labelled = candidates.filter((name) => INTENT_LABELS[name])
    if (labelled.length >= 2) return { kind: 'clarify', intents: labelled }
  }
  // Where the model is unsure the router's phrase rules are wrong more often than right: they
  // speak only for an intent the model itself finds plausible.
  if (rules && plausible(classification, rules)) return { kind: 'rules', intent: rules, why: 'fallback' }
  const top = classification.ranking[0]
  // One likely write and nothing close: ask about it (or something else) rather than search.
  if (top && top.p >= LIKELY_WRITE_P && INTENT_LABELS[top.intent] && !isLowRisk(top.intent))
    return { kind: 'clarify', intents: [top.intent, OTHERWISE] }
  return { kind: 'search' }
}

/** The model's probability of the router's intent, at or above which the router may decide. */
export const RULES_PLAUSIBLE_P = 0.05
/** A single write candidate this likely is asked about instead of searched for. */
export const LIKELY_WRITE_P = 0.6
/** The second button of a one-candidate question: what the assistant can do. */
const OTHERWISE = 'help'

function plausible(classification: IntentClassification, rules: Intent): boolean {
  return classification.ranking.some((score) => {
    if (score.p < RULES_PLAUSIBLE_P) return false
    const action = modelAction(score.intent)
    return action.kind === 'template' && sameIntent(action.intent, rules)
  })
}
