import type { FieldPlan } from './plan-field.ts'
import type { ToolPresentation } from './present-tool.ts'

/**
 * What the user asked, as the router read it: the API terms of the message (`mileage`,
 * `licence`, `status`) and its folded words. Both are computed once per turn by the caller.
 */
export interface RenderQuestion {
  terms?: Iterable<string>
  tokens?: readonly string[]
}

/** A field the question names outranks any field it does not. */
const ASKED_BONUS = 10
const PREFIX_LENGTH = 5
const MIN_TOKEN_LENGTH = 3

export type FieldScore = (plan: FieldPlan) => number

/**
 * Scores fields for one answer: a field's own priority, plus a bonus when the question's terms
 * name its head word or the question's words meet its Croatian label. Words that only name the
 * collection ("vozila" for a list of vehicles) do not count.
 */
export function scoreFields(
  question: RenderQuestion | undefined,
  presentation: ToolPresentation,
): FieldScore {
  const terms = new Set<string>()
  for (const term of question?.terms ?? []) if (!presentation.entityWords.has(term)) terms.add(term)
  const prefixes = new Set<string>()
  for (const token of question?.tokens ?? []) {
    if (token.length < MIN_TOKEN_LENGTH) continue
    const prefix = token.slice(0, PREFIX_LENGTH)
    if (!presentation.entityPrefixes.has(prefix)) prefixes.add(prefix)
  }
  if (terms.size === 0 && prefixes.size === 0) return (plan) => plan.priority
  return (plan) => {
    const asked = terms.has(plan.head) || plan.labelPrefixes.some((prefix) => prefixes.has(prefix))
    return plan.priority + (asked ? ASKED_BONUS : 0)
  }
}
