const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])/g
const NON_WORD = /[^A-Za-z0-9]+/

const KEEP_FINAL_S: ReadonlySet<string> = new Set([
  'status',
  'address',
  'bus',
  'gas',
  'vies',
  'series',
  'analysis',
  'plus',
  'alias',
  'stats',
  'is',
  'this',
  'was',
  'has',
  'kras',
])

/** English singular for identifier words (vehicles -> vehicle, activities -> activity). */
export function singularise(word: string): string {
  if (word.length <= 3 || KEEP_FINAL_S.has(word)) return word === 'stats' ? 'stat' : word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (
    word.endsWith('sses') ||
    word.endsWith('uses') ||
    word.endsWith('xes') ||
    word.endsWith('ches') ||
    word.endsWith('shes')
  )
    return word.slice(0, -2)
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word
  if (word.endsWith('s')) return word.slice(0, -1)
  return word
}

/** `VehiclesHistoricalEntries` -> vehicle, historical, entry; `SetAsDefault` -> set, as, default. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(CAMEL_BOUNDARY, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`))
    .split(NON_WORD)
    .filter(Boolean)
    .map((word) => singularise(word.toLowerCase()))
}
