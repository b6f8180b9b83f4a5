import { type Random, randomInt } from './seeded-random.ts'

// Croatian QWERTZ letter rows; a row is shifted about half a key against the one above it.
const ROWS = ['qwertzuiopšđ', 'asdfghjklčćž', 'yxcvbnm']

/** Keys a finger slips to from each letter: its row neighbours and the touching keys above and below. */
const NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const neighbours = new Map<string, string>()
  ROWS.forEach((row, rowIndex) => {
    for (let column = 0; column < row.length; column++) {
      const near = [row[column - 1], row[column + 1]]
      const above = ROWS[rowIndex - 1]
      const below = ROWS[rowIndex + 1]
      if (above) near.push(above[column], above[column + 1])
      if (below) near.push(below[column - 1], below[column])
      neighbours.set(row[column]!, near.filter((key): key is string => key !== undefined).join(''))
    }
  })
  return neighbours
})()

const TYPO_KINDS = ['adjacent', 'drop', 'swap', 'double'] as const
export type TypoKind = (typeof TYPO_KINDS)[number]

/** One keyboard slip in a word: an adjacent key, a dropped, swapped or doubled letter. */
export function typoInWord(word: string, random: Random, kind?: TypoKind): string {
  const chosen = kind ?? TYPO_KINDS[randomInt(random, 0, TYPO_KINDS.length - 1)]!
  // Dropping or swapping the only letter leaves no word.
  if (word.length < 2 && (chosen === 'drop' || chosen === 'swap')) return word
  if (word.length === 0) return word
  const at = randomInt(random, 0, word.length - 1)
  const letter = word[at]!
  switch (chosen) {
    case 'adjacent': {
      const near = NEIGHBOURS.get(letter.toLowerCase())
      if (!near) return word
      const replacement = near[randomInt(random, 0, near.length - 1)]!
      const cased = letter === letter.toLowerCase() ? replacement : replacement.toUpperCase()
      return word.slice(0, at) + cased + word.slice(at + 1)
    }
    case 'drop':
      return word.slice(0, at) + word.slice(at + 1)
    case 'swap': {
      const next = Math.min(at + 1, word.length - 1)
      const from = next === at ? at - 1 : at
      return word.slice(0, from) + word[from + 1] + word[from] + word.slice(from + 2)
    }
    case 'double':
      return word.slice(0, at + 1) + letter + word.slice(at + 1)
  }
}

export function qwertzNeighbours(letter: string): string {
  return NEIGHBOURS.get(letter) ?? ''
}
