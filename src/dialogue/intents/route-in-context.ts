import type { ShownItemKind } from '../../store/conversation-state.ts'
import type { IntentClassification } from '../../understanding/create-intent-classifier.ts'
import { LOW_RISK_P, modelAction } from './model-actions.ts'
import type { MessageRoute } from './route-message.ts'

/** The removal intent of each kind of list the user can remove items from. */
const REMOVAL_OF_LIST: Partial<Record<ShownItemKind, string>> = {
  booking: 'cancel_booking',
  case: 'delete_case',
  trip: 'delete_trip',
}
const REMOVAL_INTENTS: ReadonlySet<string> = new Set(Object.values(REMOVAL_OF_LIST))

/**
 * A removal right after a list ("obriši prvi", "makni drugu") is about that list: when the model
 * reads some removal but is unsure which kind, the list just shown says which. The removal flow
 * still resolves the item and asks for a clear yes before anything changes.
 */
export function routeInContext(
  route: MessageRoute,
  classification: IntentClassification,
  recentList: ShownItemKind | undefined,
): MessageRoute {
  if (route.kind === 'model' || recentList === undefined) return route
  const removal = REMOVAL_OF_LIST[recentList]
  if (!removal) return route
  let removals = 0
  for (const score of classification.ranking) if (REMOVAL_INTENTS.has(score.intent)) removals += score.p
  if (removals < LOW_RISK_P) return route
  const action = modelAction(removal)
  return action.kind === 'search' ? route : { kind: 'model', intent: removal, action }
}
