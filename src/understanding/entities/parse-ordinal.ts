import { asNormalized, type NormalizedText } from './normalize-text.ts'

/**
 * A reference to an item of a list the user was shown: "prvo", "drugi", "treće", "3.",
 * "broj 2", "opcija 4", "zadnje", "posljednji", "predzadnji", or a bare "2" / "dva" when the
 * message is only that. Meant to be used while a list is shown; the caller checks the range.
 */

export interface OrdinalReference {
  /** 1-based; counted from the end of the list when `fromEnd` ("zadnji" is 1 from the end). */
  position: number
  fromEnd: boolean
}

const ORDINAL_STEMS = ['prv', 'drug', 'trec', 'cetvrt', 'pet', 'sest', 'sedm', 'osm', 'devet', 'deset']
const ORDINAL_ENDINGS = ['i', 'a', 'o', 'u', 'e', 'og', 'oga', 'om', 'ome', 'oj', 'im', 'ih']
const CARDINALS: readonly [string, number][] = [
  ['jedan', 1],
  ['jedna', 1],
  ['jedno', 1],
  ['jednu', 1],
  ['dva', 2],
  ['dvije', 2],
  ['tri', 3],
  ['cetiri', 4],
  ['pet', 5],
  ['sest', 6],
  ['sedam', 7],
  ['osam', 8],
  ['devet', 9],
  ['deset', 10],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['first', 1],
  ['second', 2],
  ['third', 3],
]
const LAST_STEMS = ['zadnj', 'posljednj', 'poslednj']
const SECOND_TO_LAST_STEMS = ['predzadnj', 'pretposljednj', 'predposljednj']
const SOFT_ENDINGS = ['i', 'a', 'e', 'u', 'eg', 'ega', 'em', 'oj', 'im', 'ih']

function expand(stems: readonly string[], endings: readonly string[]): string[] {
  return stems.flatMap((stem) => endings.map((ending) => stem + ending))
}

const ORDINAL_WORDS = new Map<string, OrdinalReference>()
ORDINAL_STEMS.forEach((stem, index) => {
  for (const word of expand([stem], ORDINAL_ENDINGS))
    ORDINAL_WORDS.set(word, { position: index + 1, fromEnd: false })
})
// Every generated form has an ending, so the cardinal "pet" (five) and "petak" (Friday) are not ordinals.
for (const word of expand(LAST_STEMS, SOFT_ENDINGS)) ORDINAL_WORDS.set(word, { position: 1, fromEnd: true })
for (const word of expand(SECOND_TO_LAST_STEMS, SOFT_ENDINGS))
  ORDINAL_WORDS.set(word, { position: 2, fromEnd: true })
ORDINAL_WORDS.set('last', { position: 1, fromEnd: true })

const CARDINAL_WORDS = new Map<string, number>(CARDINALS)
const NUMBER_MARKERS = new Set([
  'broj',
  'br',
  'opcija',
  'opciju',
  'opcije',
  'izbor',
  'stavka',
  'stavku',
  'pod',
  'number',
  'option',
])
/** Words that may surround a bare number without making it something else ("2 molim", "uzmi 3"). */
const FILLERS = new Set([
  'molim',
  'hvala',
  'to',
  'taj',
  'tu',
  'ta',
  'onaj',
  'onu',
  'ono',
  'ok',
  'moze',
  'da',
  'uzmi',
  'uzet',
  'cu',
  'biram',
  'odabir',
  'odabirem',
  'zelim',
  'hocu',
  'daj',
  'mi',
  'auto',
  'vozilo',
  'please',
  'je',
  'neka',
  'bude',
])
const DOTTED_NUMBER = /(?<![\d.])(\d{1,2})\.(?![\d])/
const MAX_POSITION = 99

/** The list position the message refers to, or undefined. */
export function parseOrdinal(input: string | NormalizedText): OrdinalReference | undefined {
  const text = asNormalized(input)
  const tokens = text.tokens
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    const word = ORDINAL_WORDS.get(token)
    if (word) return word
    if (NUMBER_MARKERS.has(token) && index + 1 < tokens.length) {
      const value = positionFrom(tokens[index + 1])
      if (value !== undefined) return { position: value, fromEnd: false }
    }
  }
  const dotted = DOTTED_NUMBER.exec(text.folded)
  if (dotted && isOnlyFillersBesides(tokens, dotted[1]))
    return { position: Number(dotted[1]), fromEnd: false }
  for (const token of tokens) {
    const value = positionFrom(token)
    if (value !== undefined && isOnlyFillersBesides(tokens, token)) return { position: value, fromEnd: false }
  }
  return undefined
}

function positionFrom(token: string): number | undefined {
  const cardinal = CARDINAL_WORDS.get(token)
  if (cardinal !== undefined) return cardinal
  if (token.length > 2 || token.charCodeAt(0) < 48 || token.charCodeAt(0) > 57) return undefined
  const value = Number(token)
  return Number.isInteger(value) && value >= 1 && value <= MAX_POSITION ? value : undefined
}

function isOnlyFillersBesides(tokens: readonly string[], chosen: string): boolean {
  let chosenSeen = false
  for (const token of tokens) {
    if (token === chosen && !chosenSeen) chosenSeen = true
    else if (!FILLERS.has(token)) return false
  }
  return chosenSeen
}
