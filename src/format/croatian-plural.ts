/**
 * Croatian noun form for a count: 1, 21, 31 -> `one` ("vozilo"); 2-4, 22-24 -> `few`
 * ("vozila"); 0, 5-20, 25-30 -> `many` ("vozila"/"rezervacija").
 */
export function croatianPlural(count: number, one: string, few: string, many: string): string {
  const lastTwo = Math.abs(count) % 100
  const last = lastTwo % 10
  if (last === 1 && lastTwo !== 11) return one
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return few
  return many
}
