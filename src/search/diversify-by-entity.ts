/** At most this many hits of one entity in a result list, while other entities also match. */
export const FAMILY_CAP = 2

/**
 * The k best, but at most FAMILY_CAP of one entity: when the message does not tell a family's
 * variants apart (`X`, `X/multipatch`, `X/{id}/documents`), a sibling family is a better use of
 * the remaining places than a third variant. Candidates come best first; the result stays in
 * score order.
 */
export function diversifyByEntity<T extends { score: number }>(
  candidates: readonly T[],
  top: number,
  entityOf: (candidate: T) => string,
): T[] {
  const kept: T[] = []
  const skipped: T[] = []
  const perEntity = new Map<string, number>()
  for (const candidate of candidates) {
    if (kept.length === top) return kept
    const entity = entityOf(candidate)
    const count = perEntity.get(entity) ?? 0
    if (count >= FAMILY_CAP) {
      skipped.push(candidate)
      continue
    }
    perEntity.set(entity, count + 1)
    kept.push(candidate)
  }
  // Too few families: fill up with the best skipped hits.
  return kept.concat(skipped.slice(0, top - kept.length)).sort((a, b) => b.score - a.score)
}
