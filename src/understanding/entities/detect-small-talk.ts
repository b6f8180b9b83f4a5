import { asNormalized, type NormalizedText } from './normalize-text.ts'
import { compilePhraseSet, containsPhrase, type PhraseSet, phraseLengthAt } from './phrase-set.ts'

/**
 * Greetings, thanks, requests for help and goodbyes, on whole words. These work in any
 * conversation state, so the engine needs to know whether the message is *only* small talk
 * ("Bok!") or small talk around a request ("Bok, koliko imam km?").
 */

export interface SmallTalk {
  greeting: boolean
  thanks: boolean
  help: boolean
  exit: boolean
  /** At least one of the above, and nothing else but filler words. */
  onlySmallTalk: boolean
}

const GREETING = compilePhraseSet([
  'bok',
  'bog',
  'boks',
  'pozdrav',
  'pozdravi',
  'pozdravljam',
  'pozz',
  'poz',
  'zdravo',
  'ćao',
  'cao',
  'ciao',
  'hej',
  'hey',
  'hi',
  'hello',
  'halo',
  'helo',
  'ej',
  'dobar dan',
  'dobro jutro',
  'dobra večer',
  'dobar večer',
  'dobro veče',
  'good morning',
  'good afternoon',
  'good evening',
])
const THANKS = compilePhraseSet([
  'hvala',
  'hvala lijepa',
  'hvala ti',
  'hvala vam',
  'hvala puno',
  'puno hvala',
  'fala',
  'hvala ti puno',
  'zahvaljujem',
  'zahvaljujem se',
  'thanks',
  'thank you',
  'thx',
  'tnx',
  'ty',
])
const HELP = compilePhraseSet([
  'pomoć',
  'pomozi',
  'pomozite',
  'help',
  'upute',
  'uputa',
  'izbornik',
  'meni',
  'menu',
  'opcije',
  'što možeš',
  'što sve možeš',
  'što znaš',
  'što sve znaš',
  'što radiš',
  'kako radiš',
  'kako ovo radi',
  'kako radi',
  'kako funkcionira',
  'kako funkcioniraš',
  'što mogu',
  'što sve mogu',
  'sto mogu pitati',
  'što mogu pitati',
  'kako mi možeš pomoći',
  'koje su opcije',
  'what can you do',
])
const EXIT = compilePhraseSet([
  'doviđenja',
  'dovidjenja',
  'do viđenja',
  'do vidjenja',
  'do videnja',
  'kraj',
  'izlaz',
  'exit',
  'quit',
  'bye',
  'goodbye',
  'laku noć',
  'zbogom',
  'to je sve',
  'to bi bilo sve',
  'završi razgovor',
  'zavrsi',
  'završi',
  'vidimo se',
  'čujemo se',
  'ugodan dan',
  'lijep pozdrav',
])
const FILLERS = new Set([
  'molim',
  'ti',
  'vam',
  'lijepo',
  'lijepa',
  'puno',
  'jos',
  'jednom',
  'sve',
  'pa',
  'e',
  'i',
  'evo',
  'eto',
  'super',
  'odlicno',
  'ok',
  'okej',
  'dobro',
  'ja',
  'mi',
  'me',
  'ovdje',
  'sam',
  'tu',
  'there',
  'a',
  'tebi',
  'takoder',
  'isto',
  'asistente',
  'asistent',
  'bot',
])
const KINDS: readonly PhraseSet[] = [GREETING, THANKS, HELP, EXIT]
const HELP_ONLY_QUESTION_MARK = /^\s*\?+\s*$/
const THANKS_EMOJI = /🙏/u

export function detectSmallTalk(input: string | NormalizedText): SmallTalk {
  const text = asNormalized(input)
  const tokens = text.tokens
  const greeting = containsPhrase(tokens, GREETING)
  const thanks = containsPhrase(tokens, THANKS) || (tokens.length === 0 && THANKS_EMOJI.test(text.original))
  const help = containsPhrase(tokens, HELP) || HELP_ONLY_QUESTION_MARK.test(text.original)
  const exit = containsPhrase(tokens, EXIT)
  const any = greeting || thanks || help || exit
  return { greeting, thanks, help, exit, onlySmallTalk: any && onlyPhrasesAndFillers(tokens) }
}

function onlyPhrasesAndFillers(tokens: readonly string[]): boolean {
  for (let index = 0; index < tokens.length; ) {
    let length = 0
    for (const kind of KINDS) length = Math.max(length, phraseLengthAt(tokens, index, kind))
    if (length > 0) index += length
    else if (FILLERS.has(tokens[index])) index++
    else return false
  }
  return true
}
