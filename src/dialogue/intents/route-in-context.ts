import type { ShownItemKind } from '../../store/conversation-state.ts'
import type { IntentClassification } from '../../understanding/create-intent-classifier.ts'
import { intentOfRead, isLowRisk, modelAction } from './model-actions.ts'
import type { MessageRoute } from './route-message.ts'

/** The removal intent of each kind of list the user can remove items from. */
const REMOVAL_OF_LIST: Partial<Record<ShownItemKind, string>> = {
  booking: 'cancel_booking',
  case: 'delete_case',
  trip: 'delete_trip',
}
const REMOVAL_INTENTS: ReadonlySet<string> = new Set(Object.values(REMOVAL_OF_LIST))

/**
 * With the last answer as evidence, a reading the model holds this likely is enough: the
 * majority, where a fresh message needs p 0.75 (reads) or 0.9.
 */
export const IN_CONTEXT_P = 0.5

/** What was just shown: a list of some kind, a read of the user's vehicle. */
export interface RecentAnswer {
  list?: ShownItemKind
  /** The read template answered last ("mileage", "leasing"). */
  read?: string
}

/**
 * The last answer breaks what the model alone cannot decide, where it agrees with the model:
 * - a removal right after a list ("obriši prvi", "makni drugu") is about that list, when the
 *   model reads some removal but not which kind;
 * - a question like the last one ("i kolko je rata" after the leasing answer) is that question
 *   again, when the model leans to it or asks between it and other reads.
 * The flows still resolve the item and ask for a clear yes before anything changes.
 */
export function routeInContext(
  route: MessageRoute,
  classification: IntentClassification,
  recent: RecentAnswer | undefined,
): MessageRoute {
  if (route.kind === 'model' || !recent) return route
  const removal = recent.list ? REMOVAL_OF_LIST[recent.list] : undefined
  if (removal) {
    let removals = 0
    for (const score of classification.ranking) if (REMOVAL_INTENTS.has(score.intent)) removals += score.p
    if (removals >= IN_CONTEXT_P) return modelRoute(removal) ?? route
  }
  const again = recent.read ? intentOfRead(recent.read) : undefined
  if (!again) return route
  // Asked beside a write ("or record a new reading?"), it stays a question: after seeing the
  // reading the user may well want to record one.
  if (route.kind === 'clarify' && !route.intents.every(isLowRisk)) return route
  const asked = route.kind === 'clarify' && route.intents.includes(again)
  const leaning = classification.ranking[0]?.intent === again && classification.ranking[0].p >= IN_CONTEXT_P
  return asked || leaning ? (modelRoute(again) ?? route) : route
}

function modelRoute(intent: string): MessageRoute | undefined {
  const action = modelAction(intent)
  return action.kind === 'search' ? undefined : { kind: 'model', intent, action }
}
