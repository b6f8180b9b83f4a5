import { isWithinOneEdit } from './is-within-one-edit.ts'
import type { DayPart } from './period.ts'

/**
 * Croatian words the period parser understands, folded (no diacritics), with their meaning.
 * Ekavian and colloquial spellings are listed where users commonly write them; other typos are
 * caught by `lookupPeriodWord` within one edit for words of five letters or more.
 */

export type PeriodRole = 'from' | 'to' | 'at'

export type PeriodWord =
  | { kind: 'relative-day'; days: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'day-part'; dayPart: DayPart }
  | { kind: 'today-day-part'; dayPart: DayPart }
  | { kind: 'month'; month: number }
  | { kind: 'week' }
  | { kind: 'weekend' }
  | { kind: 'role'; role: PeriodRole }
  | { kind: 'in' }
  | { kind: 'modifier'; weekOffset: number }
  | { kind: 'hour-marker' }
  | { kind: 'now' }
  | { kind: 'noon' }
  | { kind: 'midnight' }
  | { kind: 'whole' }
  | { kind: 'end-of' }
  | { kind: 'day-unit' }
  | { kind: 'month-unit' }
  | { kind: 'minute-unit' }
  /** A unit that makes a number no hour ("5 km", "za 20 eura"); `currency` for money. */
  | { kind: 'other-unit'; currency?: true }

const entries: [string, PeriodWord][] = []
function define(words: string, meaning: PeriodWord): void {
  for (const word of words.split(' ')) entries.push([word, meaning])
}

define('danas', { kind: 'relative-day', days: 0 })
define('sutra sjutra sutradan', { kind: 'relative-day', days: 1 })
define('prekosutra preksutra', { kind: 'relative-day', days: 2 })
define('jucer', { kind: 'relative-day', days: -1 })
define('prekjucer', { kind: 'relative-day', days: -2 })
// English, as drivers write it in chat ("need a car tmrw 8-16").
define('today tdy', { kind: 'relative-day', days: 0 })
define('tomorrow tmrw tmr tmrow tmrrw', { kind: 'relative-day', days: 1 })
define('yesterday yday', { kind: 'relative-day', days: -1 })

define('ponedjeljak ponedjeljka ponedjeljkom ponedeljak ponedeljka ponediljak pon monday', {
  kind: 'weekday',
  weekday: 1,
})
define('utorak utorka utorkom uto tuesday', { kind: 'weekday', weekday: 2 })
define('srijeda srijedu srijede srijedom sreda sredu srede sri wednesday', { kind: 'weekday', weekday: 3 })
define('cetvrtak cetvrtka cetvrtkom cet thursday', { kind: 'weekday', weekday: 4 })
define('petak petka petkom friday', { kind: 'weekday', weekday: 5 })
define('subota subotu subote subotom sub saturday', { kind: 'weekday', weekday: 6 })
define('nedjelja nedjelju nedjelje nedjeljom nedelja nedelju nedelje ned sunday', {
  kind: 'weekday',
  weekday: 7,
})

define('ujutro ujutru jutro jutra jutru jutrom rano prijepodne dopodne morning', {
  kind: 'day-part',
  dayPart: 'morning',
})
define('popodne poslijepodne poslepodne afternoon', { kind: 'day-part', dayPart: 'afternoon' })
define('navecer uvecer vecer vecernji evening', { kind: 'day-part', dayPart: 'evening' })
define('cjelodnevno cijelodnevno', { kind: 'day-part', dayPart: 'whole-day' })
define('jutros', { kind: 'today-day-part', dayPart: 'morning' })
define('veceras tonight', { kind: 'today-day-part', dayPart: 'evening' })

define('sijecanj sijecnja sijecnju januar januara january', { kind: 'month', month: 1 })
define('veljaca veljace veljaci februar februara february', { kind: 'month', month: 2 })
define('ozujak ozujka ozujku mart marta march', { kind: 'month', month: 3 })
define('travanj travnja travnju april aprila', { kind: 'month', month: 4 })
define('svibanj svibnja svibnju maj maja may', { kind: 'month', month: 5 })
define('lipanj lipnja lipnju jun juna juni june', { kind: 'month', month: 6 })
define('srpanj srpnja srpnju jul jula juli july', { kind: 'month', month: 7 })
define('kolovoz kolovoza kolovozu avgust avgusta august augusta', { kind: 'month', month: 8 })
define('rujan rujna rujnu septembar septembra september', { kind: 'month', month: 9 })
define('listopad listopada listopadu oktobar oktobra october', { kind: 'month', month: 10 })
define('studeni studenoga studenog studenom novembar novembra november', { kind: 'month', month: 11 })
define('prosinac prosinca prosincu decembar decembra december', { kind: 'month', month: 12 })

define('tjedan tjedna tjednu tjednom sedmica sedmicu sedmice sedmicom week', { kind: 'week' })
define('vikend vikenda vikendu vikendom weekend', { kind: 'weekend' })

define('od s sa from pocevsi pocev nakon iza poslije posle after', { kind: 'role', role: 'from' })
define('do to until till prije before', { kind: 'role', role: 'to' })
define('u oko at around on', { kind: 'role', role: 'at' })
define('za', { kind: 'in' })

define('iduci iduce iduceg iducem iducu iduca sljedeci sljedece sljedeceg sljedecem sljedecu sljedeca', {
  kind: 'modifier',
  weekOffset: 1,
})
define('slijedeci slijedece slijedeceg slijedecu naredni naredne narednog narednom next', {
  kind: 'modifier',
  weekOffset: 1,
})
define('ovaj ovu ovog ovoga ove ovom ova this', { kind: 'modifier', weekOffset: 0 })
define('prosli prosle proslog prosloga proslom proslu prosla last', { kind: 'modifier', weekOffset: -1 })

define('h sati sat sata hrs', { kind: 'hour-marker' })
define('sad sada odmah now', { kind: 'now' })
define('podne podneva', { kind: 'noon' })
define('ponoc ponoci midnight', { kind: 'midnight' })
define('cijeli cio citav cijelog cjeli cili cili citavog whole', { kind: 'whole' })
define('kraja kraj', { kind: 'end-of' })
define('dan dana dane days day', { kind: 'day-unit' })
define('mjesec mjeseca mjeseci month', { kind: 'month-unit' })
define('minuta minute min', { kind: 'minute-unit' })
define('km kilometara kilometra puta godina godine osobe ljudi', { kind: 'other-unit' })
define('eur eura euro eure eurima euri kn kuna kune', { kind: 'other-unit', currency: true })

/** Several words with one meaning, read before their single words ("day after tomorrow" is not "from tomorrow"). */
const phraseEntries: [string[], PeriodWord][] = []
function definePhrase(phrase: string, meaning: PeriodWord): void {
  phraseEntries.push([phrase.split(' '), meaning])
}

definePhrase('day after tomorrow', { kind: 'relative-day', days: 2 })
definePhrase('day after tmrw', { kind: 'relative-day', days: 2 })
definePhrase('day before yesterday', { kind: 'relative-day', days: -2 })
definePhrase('this morning', { kind: 'today-day-part', dayPart: 'morning' })
definePhrase('this evening', { kind: 'today-day-part', dayPart: 'evening' })

const EXACT = new Map<string, PeriodWord>(entries)
/** Phrases by their first word, longest first. */
const PHRASES = new Map<string, [string[], PeriodWord][]>()
for (const entry of [...phraseEntries].sort((a, b) => b[0].length - a[0].length)) {
  const first = entry[0][0]!
  PHRASES.set(first, [...(PHRASES.get(first) ?? []), entry])
}

const FUZZY_KINDS = new Set<PeriodWord['kind']>([
  'relative-day',
  'weekday',
  'day-part',
  'today-day-part',
  'month',
])
const FUZZY_MIN_LENGTH = 5
const FUZZY_CANDIDATES: readonly [string, PeriodWord][] = entries.filter(
  ([word, meaning]) => word.length >= FUZZY_MIN_LENGTH && FUZZY_KINDS.has(meaning.kind),
)

/** Real words one typo away from a keyword ("Petar" is a name, not "petak"). */
const NEVER_FUZZY = new Set(['petar', 'petra', 'putra', 'sutla', 'danis', 'sreca', 'sredi'])

/** Meaning of a folded word; dates, weekdays, day parts and months also match with one typo. */
export function lookupPeriodWord(word: string): PeriodWord | undefined {
  const exact = EXACT.get(word)
  if (exact || word.length < FUZZY_MIN_LENGTH || NEVER_FUZZY.has(word)) return exact
  for (const [candidate, meaning] of FUZZY_CANDIDATES) {
    if (isWithinOneEdit(word, candidate)) return meaning
  }
  return undefined
}

/**
 * A phrase of the vocabulary starting at `start` of a list of folded words ("day after
 * tomorrow"; `undefined` stands for anything that is not a word): its meaning and how many
 * words it takes, or undefined.
 */
export function lookupPeriodPhrase(
  words: readonly (string | undefined)[],
  start: number,
): { meaning: PeriodWord; length: number } | undefined {
  const candidates = PHRASES.get(words[start] ?? '')
  if (!candidates) return undefined
  for (const [phrase, meaning] of candidates) {
    if (phrase.every((word, offset) => words[start + offset] === word))
      return { meaning, length: phrase.length }
  }
  return undefined
}
