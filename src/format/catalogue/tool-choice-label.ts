import type { Tool } from '../../registry/tool.ts'
import { catalogueTexts } from './catalogue-texts.ts'
import { entityNames } from './entity-names.ts'

const ITEM_PARAMETER = /\{[^}]*\}$/
const AGGREGATE = /\/(?:Agg|GroupBy|Count)$/

/**
 * A tool named for a person choosing between a few ("Pregled: Slučajevi", "Brisanje: Trošak"):
 * what it does and to what, from its method and path; its English summary when its entity has
 * no Croatian name.
 */
export function toolChoiceLabel(tool: Tool): string {
  const names = entityNames(tool.entity)
  if (!names) return tool.summary || tool.id
  const labels = catalogueTexts.toolChoice
  switch (tool.method) {
    case 'get':
      if (AGGREGATE.test(tool.path)) return labels.aggregate(names.manyOf)
      return ITEM_PARAMETER.test(tool.path) ? labels.one(names.one) : labels.list(names.many)
    case 'post':
      return labels.add(names.one)
    case 'put':
    case 'patch':
      return labels.change(names.one)
    case 'delete':
      return labels.remove(names.one)
  }
}
