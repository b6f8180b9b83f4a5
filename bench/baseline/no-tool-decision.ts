import { foldText } from '../../src/understanding/entities/normalize-text.ts'

// The rule router's own "no tool" decision from before the intent model, kept only so that
// bench:understanding can run that router as a peer. The product's one small-talk judge is the
// intent model (src/dialogue/intents/model-actions.ts).

/** Messages answered without any API call. */
export type NoToolKind = 'greeting' | 'thanks' | 'help' | 'own-phone' | 'own-name'

export interface NoToolDecision {
  kind: NoToolKind
}

// Folded text. Each category is a list of alternatives; a message qualifies only when it is made
// up entirely of small talk (plus fillers), so "bok, trebam auto" still goes to the tools.
const CATEGORIES: readonly [NoToolKind, string][] = [
  [
    'own-phone',
    `(?:koji|koj|sta|sto|kako) je (?:moj|moje) (?:broj(?: telefona| mobitela| mobitela)?|mobitel|telefon)|koji (?:broj|broj telefona|broj mobitela|mobitel) imam(?: upisan)?(?: kod vas| u sustavu)?|(?:koji|kako|sta|sto) (?:je )?(?:mi |moj )(?:je )?broj(?: telefona| mobitela)?(?: upisan| u evidenciji| kod vas| u sustavu)?|what s my number|what is my (?:phone )?number|moj broj(?: telefona| mobitela)?|(?:na )?koji (?:broj|mobitel) (?:sam|me) (?:prijavljen|registriran)[a]?`,
  ],
  [
    'own-name',
    `kako se (?:ja )?zovem|what s my name|whats my name|what is my name|kako glasi (?:moje )?ime(?: i prezime)?|(?:koje|kako|sta|sto) je (?:moje )?ime(?: i prezime)?|moje ime(?: i prezime)?|znas li (?:kako se zovem|moje ime)`,
  ],
  [
    'help',
    `pomoc|upomoc|help|(?:sto|sta|kaj) (?:ti )?(?:sve )?(?:mozes|znas|umijes)(?: raditi| radit| napraviti| napravit)?(?: za mene)?|(?:sto|sta) mogu s tobom|jesi (?:li )?(?:ti )?(?:bot|robot|covjek|stroj|ziv)(?: ili (?:bot|robot|covjek|stroj))?|sta (?:sve )?(?:mozes|znas|umijes)(?: raditi| napraviti)?|kako (?:mi )?(?:mozes )?pomoci|kako (?:ovo|ti) radi|sto radis|tko si(?: ti)?|sto si(?: ti)?|(?:sto|sta|sto sve|sta sve) (?:mogu|smijem) (?:pitati|pitat|traziti)|kako (?:mi )?(?:mozete|mozes) pomoci|(?:sto|sta) sve (?:mozete|znate) (?:napraviti|raditi)(?: za mene)?|trebam pomoc|treba mi pomoc|kako se (?:ovo|ovime|ti) koristi|kako (?:te|vas) koristiti|kako (?:ti|te|vas|ovo) mogu koristiti?|(?:koje su )?(?:tvoje|vase) mogucnosti|what can you do|(?:sto|sta) te (?:mogu|smijem) pitati?|kako ti radis|koje naredbe(?: podrzavas| znas)?|sto podrzavas|kako (?:mi )?ti (?:zapravo )?mozes pomoci|how does this work|izbornik|opcije|upute`,
  ],
  [
    'thanks',
    `(?:hvala|fala)(?: lijepa| lijepo| puno| vam| ti| najljepsa| na pomoci)*|zahvaljujem(?: na pomoci)?|thanks?(?: you)?|thx|tnx|super|ok|okej|okay|u redu|odlicno|dogovoreno|to je sve|to je to|to je zasad sve|zasad je to sve|to bi bilo sve|javit cu se(?: ako mi (?:opet )?nesto bude trebalo)?|nista vise|ugodan dan|lijep pozdrav|dovidenja|do vidjenja|vidimo se`,
  ],
  [
    'greeting',
    `bok|bokic|pozdrav|pozdravljam|pozdrav svima|he+j+|he+y+|hi|hello|zdravo|dobar dan|dobro jutro|bog|kak si|kako si|kako ste|sta ima|good morning|good afternoon|good evening|dobra vecer|dobro vece|laku noc|cao|ciao|zivio|zivjeli|ajd bok|aj bok|ajde bok|e ej|ej|halo|alo|ej|pozz|poz`,
  ],
]
const FILLERS = `ekipa|svima|kolege|kolega|ljudi|i|ti|vam|vas|molim|jos|eto|onda|a|pa|ja|ma|evo|postovani|postovana|postovanje`
const SEPARATORS = `[\\s!?.,:;()*\\-~'"]*`

const ALL = CATEGORIES.map(([, pattern]) => pattern).join('|')
const SMALL_TALK = new RegExp(`^${SEPARATORS}(?:(?:${ALL}|${FILLERS})\\b${SEPARATORS})+$`)
const CATEGORY_PATTERNS = CATEGORIES.map(
  ([kind, pattern]) => [kind, new RegExp(`\\b(?:${pattern})\\b`)] as const,
)
/** "what's" reads as "whats". */
const APOSTROPHE = /['\u2019]/g
const NON_TEXT = /[^\p{L}\p{N}\s!?.,:;()*\-~'"]/gu
/** A message of emoji only ("👍", "🙏") acknowledges. */
const EMOJI = /\p{Extended_Pictographic}/u

/**
 * Greetings, thanks, help and questions about the user's own phone or name: answered from the
 * conversation and the user's context, never by an API call. Undefined when a tool is needed.
 */
export function decideNoTool(text: string, read?: MessageContent): NoToolDecision | undefined {
  const folded = foldText(text).replace(APOSTROPHE, '').replace(NON_TEXT, ' ').trim()
  if (folded.length === 0) return read && EMOJI.test(text) ? { kind: 'thanks' } : undefined
  if (folded.length > 80) return undefined
  // Small talk around words that ask for nothing ("pozdrav iz Vodica", "fala ti puno brate").
  if (!SMALL_TALK.test(folded) && !(read && asksForNothing(read))) return undefined
  for (const [kind, pattern] of CATEGORY_PATTERNS) if (pattern.test(folded)) return { kind }
  return undefined
}

/** What the router understood of a message, as far as the no-tool decision needs it. */
export interface MessageContent {
  termSet: ReadonlySet<string>
  signals: ReadonlySet<string>
}

/** Signals that ask for something even when no entity word was recognised. */
const ASKING_SIGNALS = [
  '%post',
  '%put',
  '%patch',
  '%delete',
  '%book',
  '%need',
  '%damage',
  '%available',
  '%me',
]

function asksForNothing(read: MessageContent): boolean {
  return read.termSet.size === 0 && !ASKING_SIGNALS.some((signal) => read.signals.has(signal))
}
