import type { Tool } from '../../registry/tool.ts'
import { catalogueTexts } from './catalogue-texts.ts'
import { entityNames } from './entity-names.ts'

const ITEM_PARAMETER = /\{[^}]*\}$/
const AGGREGATE = /\/(?:Agg|GroupBy|Count)$/

const LOOKUP = /\/Lookup\/([A-Za-z]+)/

/**
 * A tool named for a person choosing between a few ("Pregled: Slučajevi", "Brisanje: Trošak",
 * "Šifrarnik: Timovi"): what it does and to what, from its method and path. Undefined when its
 * entity has no Croatian name: such a tool is not offered by name (never by its id).
 */
export function toolChoiceLabel(tool: Tool): string | undefined {
  const labels = catalogueTexts.toolChoice
  const lookup = LOOKUP.exec(tool.path)?.[1]
  if (lookup) {
    const listed = entityNames(lookup)
    return listed ? labels.lookup(listed.many) : undefined
  }
  const names = entityNames(tool.entity)
  if (!names) return undefined
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
