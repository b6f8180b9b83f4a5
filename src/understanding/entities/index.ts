/** Croatian understanding core: pure functions, no I/O; time comes from the caller's clock. */

export {
  type BookingPeriodCheck,
  type BookingPeriodProblem,
  checkBookingPeriod,
} from './check-booking-period.ts'
export { type Confirmation, type ConfirmationAnswer, detectConfirmation } from './detect-confirmation.ts'
export { extractLabeledValue, type LabeledField, type LabeledValue } from './extract-labeled-value.ts'
export { type ExtractMileageOptions, extractMileage } from './extract-mileage.ts'
export { extractMoney, type MoneyMention } from './extract-money.ts'
export { extractPartialPlates, extractPlates, type PlateMention, plateKey } from './extract-plates.ts'
export { extractVins } from './extract-vins.ts'
export { isWithinOneEdit } from './is-within-one-edit.ts'
export { addDays, daysBetween, isoWeekday, makeLocalDate, makeLocalTime, mondayOf } from './local-date.ts'
export { mergePeriod } from './merge-period.ts'
export {
  asNormalized,
  foldDiacritics,
  foldText,
  type NormalizedText,
  normalizeText,
  tokenize,
} from './normalize-text.ts'
export { extractNumbers, type NumberMention, parseCroatianNumber } from './parse-number.ts'
export { type OrdinalReference, parseOrdinal } from './parse-ordinal.ts'
export { type ParsePeriodOptions, parsePeriod } from './parse-period.ts'
export {
  buildPeriod,
  type DayPart,
  isCompletePeriod,
  type ParsedPeriod,
  type PeriodPart,
  type PeriodParts,
} from './period.ts'
export {
  compilePhraseSet,
  containsPhrase,
  findPhrase,
  type PhraseMatch,
  type PhraseSet,
} from './phrase-set.ts'
export {
  type LocalDateTimeParts,
  toZagrebLocalDateTime,
  toZagrebParts,
  ZAGREB_TIME_ZONE,
  type ZagrebInstant,
  zagrebLocalToInstant,
  zagrebOffsetMinutes,
  zagrebToday,
} from './zagreb-time.ts'
