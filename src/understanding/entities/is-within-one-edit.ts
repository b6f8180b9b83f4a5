/**
 * True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of two
 * neighbouring letters ("sutar" ~ "sutra", "preksutra" ~ "prekosutra"). Used for cheap typo
 * tolerance on a short keyword list; allocates nothing.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  const lengthDifference = a.length - b.length
  if (lengthDifference > 1 || lengthDifference < -1) return false
  const longer = lengthDifference >= 0 ? a : b
  const shorter = lengthDifference >= 0 ? b : a
  let index = 0
  while (index < shorter.length && longer.charCodeAt(index) === shorter.charCodeAt(index)) index++
  if (longer.length !== shorter.length) {
    // One deletion: the rest must match shifted by one.
    for (let rest = index; rest < shorter.length; rest++) {
      if (longer.charCodeAt(rest + 1) !== shorter.charCodeAt(rest)) return false
    }
    return true
  }
  // Same length: one substitution, or a swap of positions index and index+1.
  const isSwap =
    index + 1 < a.length &&
    a.charCodeAt(index) === b.charCodeAt(index + 1) &&
    a.charCodeAt(index + 1) === b.charCodeAt(index)
  for (let rest = isSwap ? index + 2 : index + 1; rest < a.length; rest++) {
    if (a.charCodeAt(rest) !== b.charCodeAt(rest)) return false
  }
  return true
}
