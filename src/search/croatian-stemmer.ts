import { stemmer } from '@orama/stemmers/serbian'

const MAX_CACHED = 50_000
const cache = new Map<string, string>()

/**
 * Snowball Serbian stemming (Latin script handles Croatian inflection: vozila/vozilu/vozilom ->
 * vozil), memoised: the stemmer costs microseconds, a Map hit nanoseconds. Bounded: cleared when full.
 */
export function stemCroatian(word: string): string {
  let stem = cache.get(word)
  if (stem === undefined) {
    stem = stemmer(word)
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(word, stem)
  }
  return stem
}
