import { type Confirmation, NO, POLITENESS, YES } from '../../understanding/entities/detect-confirmation.ts'
import type { NormalizedText } from '../../understanding/entities/normalize-text.ts'
import { compilePhraseSet, containsPhrase, phraseLengthAt } from '../../understanding/entities/phrase-set.ts'
import { CONFIRM_NO_ID, CONFIRM_YES_ID } from '../texts/common-texts.ts'
import { CONFIRM_CORRECTION_ID } from '../texts/confirm-texts.ts'
import { isQuestion } from './read-slot-edit.ts'

/**
 * Whether a message answering a write's confirmation ("Potvrđujete? (Da/Ne)") is consent to the
 * write. A write needs a clear yes: the Da button, or a yes with nothing but politeness and
 * words of the same request around it ("da", "može, hvala", "da, rezerviraj"). Not consent:
 * - hedges anywhere: "hm", "možda", "valjda", "ok vidjet ću", "ne znam", "čekaj";
 * - a yes with more that is not an edit ("može, ali pitat ću šefa"), a yes next to a no;
 * - emoji, a lone 👍 included: a thumb is how people acknowledge a message they skimmed, not
 *   consent to a change. They are unclear
 *   and asked again. A lone 👎 / ❌ (or a row of only those) is a no: declining never changes
 *   anything.
 * - where the flow asks for a correction word (a reading far below the last one), a plain "da"
 *   is not enough either: "ispravak" (or the correction button) is.
 * An unclear answer is asked again once, plainly; the engine drops the write on a second one.
 */

export type WriteAnswer =
  /** Consent: run the write. */
  | 'yes'
  /** Declined: drop the write. */
  | 'no'
  /** Not consent and not a refusal: ask again plainly. */
  | 'unclear'
  /** A yes where the flow needs the correction word ("ispravak"). */
  | 'needs-correction'
  /** Not an answer at all (an edit, a question, a new request): the engine reads it further. */
  | 'none'

/** What counts as consent to a flow's pending write, and how to ask again. */
export interface WriteConfirmRule {
  /** A plain yes is not enough: the user must write the correction word (or type the value again). */
  correction?: boolean
  /** The write in one question naming its target, without "?": "Da rezerviram Škoda Fabia (ZD-1215-E) za …". */
  question: string
}

const HEDGES = compilePhraseSet([
  'hm',
  'hmm',
  'hmmm',
  'hmmmm',
  'hmh',
  'mhm',
  'mmm',
  'možda',
  'valjda',
  'vjerojatno',
  'mislim',
  'vidjet ću',
  'vidjet cu',
  'vidit ću',
  'vidit cu',
  'vidjecu',
  'vidjet ćemo',
  'vidjet cemo',
  'vidimo',
  'razmislit ću',
  'razmislit cu',
  'razmislim',
  'razmislit',
  'ne znam',
  'neznam',
  'nisam siguran',
  'nisam sigurna',
  'nisam sig',
  'kako god',
  'svejedno',
  'čekaj',
  'pričekaj',
  'samo malo',
  'sekundu',
  'trenutak',
  'javim se',
  'javit ću',
  'javit cu',
  'kasnije',
  'maybe',
  'not sure',
  'wait',
])
/** Around a yes: politeness and the request's own verbs ("da, rezerviraj", "može, hvala"). */
const AROUND_YES = new Set([
  ...POLITENESS,
  ...['pa', 'ma', 'e', 'ej', 'a', 'i', 'bas', 'dobro', 'sigurno', 'apsolutno', 'definitivno'],
  // "da, sigurna sam", "da jesam": the yes said firmly.
  ...['siguran', 'sigurna', 'sam', 'jesam', 'jesmo', 'naravno', 'tocno', 'tako', 'je'],
  ...['rezerviraj', 'rezervirajte', 'posalji', 'posaljite', 'upisi', 'upisite', 'unesi', 'unesite'],
  ...['zabiljezi', 'prijavi', 'prijavite', 'otkazi', 'otkazite', 'obrisi', 'obrisite', 'izbrisi'],
  ...['potvrdi', 'potvrdite'],
])
/** Around a no: politeness only ("ne, hvala", "ne, ne želim"). */
const AROUND_NO = new Set([
  'hvala',
  'molim',
  'ipak',
  'onda',
  'pa',
  'ma',
  'e',
  'a',
  'thanks',
  'bas',
  'vise',
  'to',
  'moze',
])
const CORRECTION = compilePhraseSet([
  'ispravak',
  'ispravka',
  'ispravi',
  'ispravite',
  'ispravno',
  'ispravno je',
  'korekcija',
  'correction',
])

// A lone emoji: one pictograph, optionally with a skin tone and a variation selector.
const PICTOGRAPH = /\p{Extended_Pictographic}/gu
const NO_EMOJI = new Set(['👎', '❌', '🚫', '✖', '⛔'])

function readEmoji(original: string): WriteAnswer {
  const pictographs = original.match(PICTOGRAPH) ?? []
  if (pictographs.length === 0) return 'none'
  return pictographs.every((emoji) => NO_EMOJI.has(emoji)) ? 'no' : 'unclear'
}

/** Every token is part of a phrase of `answers` or one of the words allowed around it; at least one answer. */
function onlyAnswer(
  tokens: readonly string[],
  answers: typeof YES,
  around: ReadonlySet<string>,
  also?: typeof YES,
): boolean {
  let found = false
  for (let index = 0; index < tokens.length; ) {
    const length = phraseLengthAt(tokens, index, answers)
    if (length > 0) {
      found = true
      index += length
      continue
    }
    const extra = also ? phraseLengthAt(tokens, index, also) : 0
    if (extra > 0) index += extra
    else if (around.has(tokens[index]!)) index++
    else return false
  }
  return found
}

/**
 * How a message answers the pending write. `confirmation` is `detectConfirmation`'s reading
 * (cancel words anywhere, yes/no at the opening); `replyId` a pressed button.
 */
export function readWriteAnswer(
  text: NormalizedText,
  replyId: string | undefined,
  confirmation: Confirmation | undefined,
  rule: WriteConfirmRule,
): WriteAnswer {
  if (replyId === CONFIRM_CORRECTION_ID) return 'yes'
  if (replyId === CONFIRM_YES_ID) return rule.correction ? 'needs-correction' : 'yes'
  if (replyId === CONFIRM_NO_ID) return 'no'
  const tokens = text.tokens
  if (tokens.length === 0) return readEmoji(text.original)
  if (confirmation?.answer === 'cancel') return 'no'
  if (containsPhrase(tokens, HEDGES)) return 'unclear'
  if (rule.correction && containsPhrase(tokens, CORRECTION) && !containsPhrase(tokens, NO)) return 'yes'
  if (onlyAnswer(tokens, NO, AROUND_NO)) return 'no'
  if (isQuestion(text)) return 'none'
  if (confirmation?.answer !== 'yes') return 'none'
  if (containsPhrase(tokens, NO) || !onlyAnswer(tokens, YES, AROUND_YES)) return 'unclear'
  return rule.correction ? 'needs-correction' : 'yes'
}
