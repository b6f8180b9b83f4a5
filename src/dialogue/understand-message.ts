import { CompiledLexicon } from '../search/compiled-lexicon.ts'
import { CROATIAN_LEXICON, STOPWORDS } from '../search/lexicon/hr.ts'
import { type QueryUnderstanding, understandQuery } from '../search/understand-query.ts'
import type { IntentClassification } from '../understanding/create-intent-classifier.ts'
import { withLowRiskActions } from './intents/model-actions.ts'
import type { TurnScope } from './turn-scope.ts'

/** Without a tool catalogue the lexicon alone reads the message (templates still work). */
let fallbackLexicon: CompiledLexicon | undefined
const NO_VOCABULARY = { has: () => false }

/**
 * How the router reads this turn's message: computed once per turn and shared by intent
 * detection and tool retrieval, so a message is analysed once.
 */
export function understandMessage(scope: TurnScope): QueryUnderstanding {
  if (scope.understood) return scope.understood
  const search = scope.deps.search
  if (search) scope.understood = search.understand(scope.text)
  else {
    fallbackLexicon ??= new CompiledLexicon(CROATIAN_LEXICON, STOPWORDS)
    scope.understood = understandQuery(scope.text, fallbackLexicon, NO_VOCABULARY)
  }
  return scope.understood
}

/** The intent model's reading of this turn's message: classified once, whichever step asks. */
export function classifyMessage(scope: TurnScope): IntentClassification {
  scope.classified ??= withLowRiskActions(scope.deps.intents.classify(scope.text))
  return scope.classified
}
