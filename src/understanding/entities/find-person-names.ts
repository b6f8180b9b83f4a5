import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { foldText, type NormalizedText } from './normalize-text.ts'

/**
 * First names a message mentions, in any case or possessive form ("Petra", "Petrine", "Anin",
 * "od Marka", "Ivanove"), folded to the name's base form. For telling a question about someone
 * else ("koje rezervacije ima Petra Marić") from one about the user.
 */

interface NamesFile {
  female: string[]
  male: string[]
  not_forms: string[]
  self_words: string[]
}

const FILE = new URL('./person-names.yaml', import.meta.url)

const A_SUFFIXES = [
  'a',
  'e',
  'i',
  'u',
  'om',
  'o',
  'in',
  'ina',
  'ine',
  'inu',
  'inoj',
  'inom',
  'ino',
  'inog',
  'inim',
  'inih',
]
const MALE_SUFFIXES = [
  'a',
  'u',
  'om',
  'e',
  'o',
  'ov',
  'ova',
  'ove',
  'ovu',
  'ovo',
  'ovom',
  'ovog',
  'ovim',
  'ovih',
]
const SOFT_SUFFIXES = ['a', 'u', 'em', 'om', 'e', 'ev', 'eva', 'eve', 'evu', 'evo', 'evom', 'evog', 'evim']

/** Every form of one name (folded) -> the name. */
function formsOf(name: string): string[] {
  const base = foldText(name)
  const forms = [base]
  const add = (stem: string, suffixes: readonly string[]) => {
    for (const suffix of suffixes) forms.push(stem + suffix)
  }
  if (base.endsWith('a')) add(base.slice(0, -1), A_SUFFIXES)
  else if (base.endsWith('io')) {
    // Mario -> Marija, Mariju, Mariov
    add(`${base.slice(0, -1)}j`, ['a', 'u', 'em', 'om', 'e'])
    add(base.slice(0, -1), ['ov', 'ova', 'ove', 'ovu', 'ovom', 'ovog'])
  } else if (base.endsWith('o') || base.endsWith('e')) {
    const stem = base.slice(0, -1)
    add(stem, stem.endsWith('j') ? SOFT_SUFFIXES : MALE_SUFFIXES)
  } else if (base.endsWith('ar')) {
    // Petar -> Petra, Petru, Petrov (the a of the last syllable drops)
    add(`${base.slice(0, -2)}r`, MALE_SUFFIXES)
  } else add(base, /[cčćjšžđ]$/.test(name.toLowerCase()) ? SOFT_SUFFIXES : MALE_SUFFIXES)
  return forms
}

function compile(source: string): { byForm: ReadonlyMap<string, string>; self: ReadonlySet<string> } {
  const file = parse(source) as NamesFile
  const excluded = new Set((file.not_forms ?? []).map(foldText))
  const byForm = new Map<string, string>()
  for (const name of [...(file.female ?? []), ...(file.male ?? [])]) {
    const base = foldText(name)
    for (const form of formsOf(name)) if (!excluded.has(form) && !byForm.has(form)) byForm.set(form, base)
  }
  return { byForm, self: new Set((file.self_words ?? []).map(foldText)) }
}

/** Loaded at start-up (module load), never per message. */
const { byForm: NAME_OF_FORM, self: SELF_WORDS } = compile(readFileSync(FILE, 'utf8'))

/** Whether the message speaks of the user's own ("moje", "meni"): then a name beside it is not whose. */
export function speaksOfSelf(text: NormalizedText): boolean {
  return text.tokens.some((token) => SELF_WORDS.has(token))
}

/** The base forms of the first names a message mentions, in order, each once. */
export function findPersonNames(text: NormalizedText): string[] {
  const names: string[] = []
  for (const token of text.tokens) {
    const name = NAME_OF_FORM.get(token)
    if (name && !names.includes(name)) names.push(name)
  }
  return names
}

/** The base form of a first name ("Ivanu" -> "ivan"), or undefined when it is none we know. */
export function personNameOf(word: string): string | undefined {
  return NAME_OF_FORM.get(foldText(word))
}
