import { toolChoiceLabel } from '../../format/catalogue/tool-choice-label.ts'
import type { ToolRegistry } from '../../registry/tool-registry.ts'
import type { SearchHit, SearchResult } from '../../search/tool-search.ts'
import type { IntentClassification, IntentClassifier } from '../../understanding/create-intent-classifier.ts'
import { asReading, type MessageReading } from '../../understanding/read-message.ts'
import { detectIntent, toolOfIntent } from '../detect-intent.ts'
import type { ToolFinder } from '../turn-scope.ts'
import { intentEntry } from './intent-table.ts'
import { withLowRiskActions } from './model-actions.ts'
import { decideCatalogue, type MessageRoute, routeMessage } from './route-message.ts'

export interface RoutedMessage {
  reading: MessageReading
  classification: IntentClassification
  route: MessageRoute
  /** The tools the route leads to, first the one the dialogue starts with; `noTool` for direct answers. */
  result: SearchResult
  /** The dialogue acts on `result`, asks which of it (buttons), or answers with the fallback reply. */
  decision: 'act' | 'clarify' | 'fallback'
}

export interface MessageRouterDeps {
  intents: Pick<IntentClassifier, 'classify'>
  search: ToolFinder
  registry: ToolRegistry
}

/**
 * The dialogue's reading of a fresh message, outside a conversation: the same reader, model,
 * routing decision and catalogue search, for `m1 eval routing`, `m1 tools search` and
 * `bench:understanding`, so what they measure is what drivers get.
 */
export function createMessageRouter({ intents, search, registry }: MessageRouterDeps) {
  const hitsOf = (ids: readonly string[]): SearchHit[] =>
    ids.flatMap((id) => {
      const tool = registry.get(id)
      return tool ? [{ id, score: 1, tool }] : []
    })
  const toolsOfIntents = (names: readonly string[]) =>
    hitsOf(names.flatMap((name) => intentEntry(name)?.tools ?? []))

  return {
    route(message: string | MessageReading, top = 5): RoutedMessage {
      const reading = asReading(message)
      const classification = withLowRiskActions(intents.classify(reading))
      const route = routeMessage(classification, detectIntent(search.understand(reading)))
      const routed = (result: SearchResult, decision: RoutedMessage['decision']) => ({
        reading,
        classification,
        route,
        result,
        decision,
      })
      switch (route.kind) {
        case 'model':
          if (route.action.kind === 'answer')
            return routed({ noTool: { kind: route.action.answer }, hits: [] }, 'act')
          return routed({ hits: toolsOfIntents([route.intent]) }, 'act')
        case 'rules':
          return routed({ hits: hitsOf([toolOfIntent(route.intent)]) }, 'act')
        case 'clarify':
          return routed({ hits: toolsOfIntents(route.intents) }, 'clarify')
        case 'search': {
          const result = search.search(reading, { top })
          // As the dialogue decides for a user who may use every tool.
          const kind = decideCatalogue(result.hits, (hit) => toolChoiceLabel(hit.tool) !== undefined).kind
          return routed(result, kind === 'act' ? 'act' : kind === 'ask' ? 'clarify' : 'fallback')
        }
      }
    },
  }
}

export type MessageRouter = ReturnType<typeof createMessageRouter>
