/**
 * Deterministic pseudo-random numbers (mulberry32) so the dataset, generic records and
 * fault rates are the same on every run with the same seed. Never Math.random.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
  /** A version-4-shaped uuid built from the stream. */
  uuid(): string
}

export function createSeededRandom(seed: number | string): SeededRandom {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed)
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    uuid: () => {
      const hex = (count: number) => {
        let out = ''
        for (let index = 0; index < count; index++) out += Math.floor(next() * 16).toString(16)
        return out
      }
      const variant = (8 + Math.floor(next() * 4)).toString(16)
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
    },
  }
}

/** FNV-1a: a stable 32-bit seed from any string (route keys, seeds given as text). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
