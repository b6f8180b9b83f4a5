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
  | { kind: 'other-unit' }

const entries: [string, PeriodWord][] = []
function define(words: string, meaning: PeriodWord): void {
  for (const word of words.split(' ')) entries.push([word, meaning])
}

define('danas', { kind: 'relative-day', days: 0 })
define('sutra sjutra sutradan', { kind: 'relative-day', days: 1 })
define('prekosutra preksutra', { kind: 'relative-day', days: 2 })
define('jucer', { kind: 'relative-day', days: -1 })
define('prekjucer', { kind: 'relative-day', days: -2 })
define('today', { kind: 'relative-day', days: 0 })
define('tomorrow', { kind: 'relative-day', days: 1 })

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
define('km kilometara kilometra eur eura kn kuna puta godina godine osobe ljudi', {
  kind: 'other-unit',
})

const EXACT = new Map<string, PeriodWord>(entries)

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
