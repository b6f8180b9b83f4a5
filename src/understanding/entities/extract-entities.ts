import { detectComplaint } from './detect-complaint.ts'
import { type Confirmation, detectConfirmation } from './detect-confirmation.ts'
import { detectPossessiveVehicle } from './detect-possessive-vehicle.ts'
import { detectSmallTalk, type SmallTalk } from './detect-small-talk.ts'
import { extractLabeledValue, type LabeledValue } from './extract-labeled-value.ts'
import { extractMileage } from './extract-mileage.ts'
import { extractPartialPlates, extractPlates, type PlateMention } from './extract-plates.ts'
import { extractVins } from './extract-vins.ts'
import { type NormalizedText, normalizeText } from './normalize-text.ts'
import { extractNumbers, type NumberMention } from './parse-number.ts'
import { type OrdinalReference, parseOrdinal } from './parse-ordinal.ts'
import { type ParsePeriodOptions, parsePeriod } from './parse-period.ts'
import type { ParsedPeriod } from './period.ts'

/** Everything the NLU core finds in one message; the dialogue engine decides what matters. */
export interface MessageEntities {
  text: NormalizedText
  period?: ParsedPeriod
  numbers: NumberMention[]
  mileage?: number
  plates: PlateMention[]
  /** Plate fragments such as "1234" or "ZG1234", as comparison keys. */
  partialPlates: string[]
  vins: string[]
  ordinal?: OrdinalReference
  confirmation?: Confirmation
  smallTalk: SmallTalk
  /** "krivo", "to nije točno": feedback on the previous answer. */
  complaint: boolean
  /** "moje vozilo", "moj auto": the user's own vehicle. */
  possessiveVehicle: boolean
  /** "bilješka: ...", "opis: ...". */
  labeledValue?: LabeledValue
}

export interface ExtractEntitiesOptions extends ParsePeriodOptions {
  /** The assistant has just asked for the mileage, so a bare number is the mileage. */
  expectingMileage?: boolean
}

/** Normalises the message once and runs every extractor on it. */
export function extractEntities(message: string, options: ExtractEntitiesOptions): MessageEntities {
  const text = normalizeText(message)
  const plates = extractPlates(message)
  return {
    text,
    period: parsePeriod(text, options),
    numbers: extractNumbers(text),
    mileage: extractMileage(text, { expectingMileage: options.expectingMileage }),
    plates,
    partialPlates: extractPartialPlates(message, plates),
    vins: extractVins(message),
    ordinal: parseOrdinal(text),
    confirmation: detectConfirmation(text),
    smallTalk: detectSmallTalk(text),
    complaint: detectComplaint(text),
    possessiveVehicle: detectPossessiveVehicle(text),
    labeledValue: extractLabeledValue(message),
  }
}
