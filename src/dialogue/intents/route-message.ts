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
/**
 * Catalogue search is sure when its first tool scores this much, or this many times the best
 * tool of another entity (a list and its own count are one answer, told apart by the retrieval
 * priors, not by asking). Chosen on the dev sets (catalog-dev, and round 6 after its first run):
 * below both, about half of the catalogue acts were wrong.
 */
export const CATALOGUE_SURE_SCORE = 10
export const CATALOGUE_MARGIN = 1.3
/** Tools offered when catalogue search is not sure: the best of as many entities. */
export const CATALOGUE_CHOICES = 3

interface CatalogueHit {
  score: number
  tool: { entity: string }
}

/** What to do with catalogue hits: run the first, ask which of a few, or neither. */
export type CatalogueDecision<Hit> =
  | { kind: 'act'; hit: Hit }
  | { kind: 'ask'; hits: Hit[] }
  | { kind: 'none' }

/**
 * `offerable`: whether a tool can be put to this user as a choice (theirs to use, with a name
 * in words). The sure-ness is decided on all hits; asked are the offerable ones, and when the
 * closest is not offerable it runs (and says why not, if it is not the user's to use).
 */
export function decideCatalogue<Hit extends CatalogueHit>(
  hits: readonly Hit[],
  offerable: (hit: Hit) => boolean = () => true,
): CatalogueDecision<Hit> {
  const first = hits[0]
  if (!first || first.score < CATALOGUE_MIN_SCORE) return { kind: 'none' }
  // The best tool of each entity, in score order.
  const best: Hit[] = []
  for (const hit of hits) {
    if (hit.score < CATALOGUE_MIN_SCORE || best.length === CATALOGUE_CHOICES) break
    if (!best.some((choice) => choice.tool.entity === hit.tool.entity)) best.push(hit)
  }
  const rival = best[1]
  const sure = !rival || first.score >= CATALOGUE_SURE_SCORE || first.score >= CATALOGUE_MARGIN * rival.score
  if (sure || !offerable(first)) return { kind: 'act', hit: first }
  return { kind: 'ask', hits: best.filter(offerable) }
}

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
