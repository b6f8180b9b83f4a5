import { identifierWords } from '../../search/identifier-words.ts'
import { type Adjective, type CroatianWord, croatianWord, type Noun } from './croatian-words.ts'

/**
 * The rule for fields the curated table does not name: split the identifier into its words,
 * translate each through the word table, and put them in Croatian order. The last noun is the
 * head (nominative), the nouns before it follow it in the genitive, nearest first, and each
 * adjective agrees with its noun: `VehicleTypeName` -> "Vrsta vozila",
 * `PeriodicActivityStatus` -> "Status periodične aktivnosti", `LastMileage` -> "Zadnja
 * kilometraža", `AmountFrom` -> "Iznos od". An identifier with a word the table lacks, or a
 * technical word (id, key, json, ...), gets no label: such a field is not shown.
 */

/** Two-word names that are one thing in Croatian. */
const COMPOUNDS: ReadonlyMap<string, Noun> = new Map([
  [
    'org unit',
    compoundNoun(
      'organizacijska_jedinica organizacijske_jedinice organizacijske_jedinice organizacijskih_jedinica',
      'f',
    ),
  ],
  [
    'licence plate',
    compoundNoun('registarska_oznaka registarske_oznake registarske_oznake registarskih_oznaka', 'f'),
  ],
  [
    'license plate',
    compoundNoun('registarska_oznaka registarske_oznake registarske_oznake registarskih_oznaka', 'f'),
  ],
  ['cost center', compoundNoun('mjesto_troška mjesta_troška mjesta_troška mjesta_troška', 'n')],
  ['display name', compoundNoun('naziv naziva nazivi naziva', 'm')],
  ['first name', compoundNoun('ime imena imena imena', 'n')],
  ['last name', compoundNoun('prezime prezimena prezimena prezimena', 'n')],
  ['full name', compoundNoun('ime_i_prezime imena_i_prezimena imena_i_prezimena imena_i_prezimena', 'n')],
  ['time zone', compoundNoun('vremenska_zona vremenske_zone vremenske_zone vremenskih_zona', 'f')],
])

function compoundNoun(forms: string, gender: Noun['gender']): Noun {
  const [one, oneOf, many, manyOf] = forms.split(' ')
  return { kind: 'noun', one: one!, oneOf: oneOf!, many: many!, manyOf: manyOf!, gender }
}

/** A noun with the adjectives written before it in English ("last mileage"). */
interface Phrase {
  adjectives: Adjective[]
  noun: Noun
}

function words(identifier: string): CroatianWord[] | undefined {
  const english = identifierWords(identifier)
  const result: CroatianWord[] = []
  for (let index = 0; index < english.length; index++) {
    const pair = COMPOUNDS.get(`${english[index]} ${english[index + 1]}`)
    if (pair) {
      result.push(pair)
      index++
      continue
    }
    const word = croatianWord(english[index]!)
    if (!word || word.kind === 'technical') return undefined
    if (word.kind !== 'filler') result.push(word)
  }
  return result
}

function phrases(list: readonly CroatianWord[]): Phrase[] | undefined {
  const result: Phrase[] = []
  let pending: Adjective[] = []
  for (const word of list) {
    if (word.kind === 'adjective') pending.push(word)
    else if (word.kind === 'noun') {
      result.push({ adjectives: pending, noun: word })
      pending = []
    } else return undefined
  }
  // "MileageExceeded": an adjective after its noun belongs to that noun.
  if (pending.length > 0) {
    const last = result[result.length - 1]
    if (!last) return undefined
    last.adjectives.push(...pending)
  }
  return result.length > 0 ? result : undefined
}

function say(phrase: Phrase, form: 'one' | 'oneOf' | 'many' | 'manyOf'): string {
  const { gender } = phrase.noun
  const adjectives = phrase.adjectives.map((adjective) =>
    form === 'manyOf' ? adjective.manyOf : adjective[form][gender],
  )
  return [...adjectives, phrase.noun[form]].join(' ').replaceAll('_', ' ')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

interface Parts {
  head: Phrase
  modifiers: Phrase[]
  relation?: string
}

function parts(identifier: string): Parts | { relationOnly: string } | undefined {
  let list = words(identifier)
  if (!list || list.length === 0) return undefined
  let relation: string | undefined
  const last = list[list.length - 1]!
  if (last.kind === 'relation') {
    relation = last.text
    list = list.slice(0, -1)
    if (list.length === 0) return { relationOnly: relation }
  }
  // "VehicleTypeName" is the vehicle type; "Name" alone stays "Naziv".
  const tail = list[list.length - 1]
  if (list.length > 1 && tail?.kind === 'noun' && tail.one === 'naziv') list = list.slice(0, -1)
  const grouped = phrases(list)
  if (!grouped) return undefined
  return { head: grouped[grouped.length - 1]!, modifiers: grouped.slice(0, -1).reverse(), relation }
}

function phraseText(
  found: Parts,
  head: 'one' | 'oneOf' | 'many' | 'manyOf',
  modifiers: 'oneOf' | 'manyOf',
): string {
  const text = [
    say(found.head, head),
    ...found.modifiers.map((phrase) => say(phrase, modifiers)),
    ...(found.relation ? [found.relation] : []),
  ].join(' ')
  return capitalise(text)
}

/**
 * The Croatian label the words of an identifier make, or undefined when they cannot make one:
 * `PeriodicActivityStatusName` -> "Status periodične aktivnosti".
 */
export function composeLabel(identifier: string): string | undefined {
  const found = parts(identifier)
  if (!found) return undefined
  if ('relationOnly' in found) return capitalise(found.relationOnly)
  return phraseText(found, 'one', 'oneOf')
}

/** Names of a collection from its identifier: `CaseStatuses` -> "Status slučaja" / "Statusi slučajeva" / "statusa slučajeva". */
export function composeCollectionNames(
  identifier: string,
): { one: string; many: string; manyOf: string; oneOf: string; gender: Noun['gender'] } | undefined {
  const found = parts(identifier)
  if (!found || 'relationOnly' in found || found.relation) return undefined
  const manyOf = phraseText(found, 'manyOf', 'manyOf')
  const oneOf = phraseText(found, 'oneOf', 'oneOf')
  return {
    oneOf: oneOf.charAt(0).toLowerCase() + oneOf.slice(1),
    one: phraseText(found, 'one', 'oneOf'),
    many: phraseText(found, 'many', 'manyOf'),
    manyOf: manyOf.charAt(0).toLowerCase() + manyOf.slice(1),
    gender: found.head.noun.gender,
  }
}
