import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { foldText, tokenize } from '../../understanding/entities/normalize-text.ts'
import { compilePhraseSet, type PhraseSet } from '../../understanding/entities/phrase-set.ts'
import { nameKey } from './name-key.ts'

/**
 * The choice resolver's vocabulary, read once at start-up from `choice-words.yaml` (data, not
 * code): phrase sets for "any", "more", "leave", follow-ups and totals; key sets for fillers and
 * record kinds; the vehicle names with their nicknames, and everyday synonyms of listed values,
 * by key.
 */
export interface ChoiceWords {
  any: PhraseSet
  more: PhraseSet
  leave: PhraseSet
  followUpOpeners: PhraseSet
  otherVehicle: PhraseSet
  total: PhraseSet
  /** The user's own one ("svoj", "moj"): picks the only item listed. */
  own: ReadonlySet<string>
  /** Words that point back at the last answer ("a kad je *to* upisano?"). */
  backReference: ReadonlySet<string>
  /** Folded filler words ("molim", "onu", "za"). */
  fillers: ReadonlySet<string>
  /** Name keys of words that only say the kind of record ("rezervaciju", "vozilo"). */
  kinds: ReadonlySet<string>
  /** Name key of every vehicle name and nickname -> the key of the name it stands for. */
  vehicles: ReadonlyMap<string, string>
  /** Name key of an everyday word for a listed value ("natočio") -> the key of the label word ("gorivo"). */
  synonyms: ReadonlyMap<string, string>
}

interface WordsFile {
  any: string[]
  more: string[]
  leave: string[]
  fillers: string[]
  kinds: string[]
  follow_up_openers: string[]
  other_vehicle: string[]
  total: string[]
  back_reference: string[]
  own: string[]
  vehicles: Record<string, string[] | null>
  synonyms?: Record<string, string[] | null>
}

const FILE = new URL('./choice-words.yaml', import.meta.url)

function keysOf(words: readonly string[]): Set<string> {
  return new Set(words.flatMap((word) => tokenize(foldText(word)).map(nameKey)))
}

function list(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string'))
    throw new Error(`choice-words.yaml: "${name}" must be a list of words`)
  return value as string[]
}

export function compileChoiceWords(source: string): ChoiceWords {
  const file = parse(source) as WordsFile
  const vehicles = new Map<string, string>()
  for (const [name, aliases] of Object.entries(file.vehicles ?? {})) {
    const canonical = nameKey(foldText(String(name)))
    vehicles.set(canonical, canonical)
    for (const alias of aliases ?? []) for (const key of keysOf([alias])) vehicles.set(key, canonical)
  }
  const synonyms = new Map<string, string>()
  for (const [name, words] of Object.entries(file.synonyms ?? {})) {
    const canonical = nameKey(foldText(String(name)))
    for (const key of keysOf(list(words ?? [], `synonyms.${name}`))) synonyms.set(key, canonical)
  }
  return {
    any: compilePhraseSet(list(file.any, 'any')),
    more: compilePhraseSet(list(file.more, 'more')),
    leave: compilePhraseSet(list(file.leave, 'leave')),
    followUpOpeners: compilePhraseSet(list(file.follow_up_openers, 'follow_up_openers')),
    otherVehicle: compilePhraseSet(list(file.other_vehicle, 'other_vehicle')),
    total: compilePhraseSet(list(file.total, 'total')),
    own: new Set(list(file.own, 'own').map(foldText)),
    backReference: new Set(list(file.back_reference, 'back_reference').map(foldText)),
    fillers: new Set(list(file.fillers, 'fillers').map(foldText)),
    kinds: keysOf(list(file.kinds, 'kinds')),
    vehicles,
    synonyms,
  }
}

/** Loaded at start-up (module load), never per message. */
export const CHOICE_WORDS: ChoiceWords = compileChoiceWords(readFileSync(FILE, 'utf8'))
