import { extractMileage } from '../nlu/extract-mileage.ts'
import type { NormalizedText } from '../nlu/normalize-text.ts'

/** High-traffic reads answered from templates (PRODUCT.md §2). */
export type ReadIntent =
  | 'mileage'
  | 'plate'
  | 'due-dates'
  | 'leasing'
  | 'vehicle-summary'
  | 'my-bookings'
  | 'my-cases'
  | 'my-trips'
  | 'my-expenses'
  | 'free-vehicles'

/** Tasks that change data (PRODUCT.md §3). */
export type WriteIntent = 'booking' | 'mileage' | 'case' | 'cancel-booking' | 'delete-case' | 'delete-trip'

export type Intent = { kind: 'read'; read: ReadIntent } | { kind: 'write'; write: WriteIntent }

// Stems on folded text (no diacritics), compiled once. Order of the rules below matters.
const DELETE = /\b(otkaz\w*|storn\w*|obris\w*|izbris\w*|ponist\w*|makni|ukloni\w*|cancel|delete|brisanje)\b/
const BOOKING_WORD = /\b(rezervacij\w*|rezervir\w*|booking\w*|termin\w*)\b/
const CASE_WORD = /\b(slucaj\w*|prijav\w*|case\w*|stet\w*|kvar\w*)\b/
const TRIP_WORD = /\b(putovanj\w*|put|putni\w*|voznj\w*|trip\w*)\b/
const LIST_CUE =
  /\b(moj\w*|svoj\w*|popis\w*|pregled\w*|lista|listu|imam li|koje|koji|koja|koliko|sve|pokazi|prikazi|my)\b/
const BOOK_VERB =
  /\b(rezervir\w*|rezerviraj|bukir\w*|book|zauzmi|treba\w* (mi )?(auto|vozil\w*|kombi\w*)|trebam (jedan |neki )?(auto|vozil\w*|kombi\w*)|trebao bih (auto|vozil\w*)|zelim (auto|vozil\w*)|nova rezervacija|napravi rezervacij\w*)\b/
const FREE = /\b(slobodn\w*|dostupn\w*|raspoloziv\w*|free|available)\b/
const VEHICLE_WORD = /\b(auto\w*|vozil\w*|kombi\w*|kola|car\w*)\b/
const DAMAGE =
  /\b(stet\w*|kvar\w*|ostecen\w*|ogreb\w*|udar\w*|udubljen\w*|sudar\w*|nesrec\w*|udes\w*|problem\w*|pokvar\w*|ne radi|ne pali|razbi\w*|puk\w*|damage|broken)\b/
const CASE_LIST = /\b(slucaj\w*|prijave|prijava|cases?)\b/
const TRIPS = /\b(putovanj\w*|putni nalo\w*|voznje|trips?)\b/
const EXPENSES = /\b(troskov\w*|trosak|troska|izdat\w*|racun\w*|expenses?)\b/
const MILEAGE_WRITE_VERB = /\b(unes\w*|upis\w*|zapis\w*|evidentir\w*|prijavi|azurir\w*|nova|novo|record)\b/
const MILEAGE_WORD =
  /\b(km|kilometr\w*|kilometa\w*|kilometraz\w*|stanje brojcanika|brojcanik\w*|odometar\w*|mileage)\b/
const DUE =
  /\b(istjec\w*|istice|istek\w*|servis\w*|tehnick\w*|periodick\w*|rok\w*|kad je|kada je|do kad\w*|vrijedi)\b/
const REGISTRATION = /\b(registracij\w*)\b/
const PLATE = /\b(tablic\w*|registarsk\w*|reg oznak\w*|oznak\w*|plate)\b/
const LEASING = /\b(lizing\w*|leasing\w*|ugovor\w*|rata|ratu|rate|mjesecn\w*|najam\w*|najm\w*|lessor)\b/
// Kinds and people, not the user's own items or vehicle: left to tool retrieval.
const CATALOGUE = /\b(vrst\w*|tip\w*|kategorij\w*)\b/
const PERSONAL = /\b(osobn\w*|profil\w*|kontakt\w*)\b/
const CREATE_VERB = /\b(dodaj\w*|unes\w*|upis\w*|kreir\w*|evidentir\w*|novi|novog|add|create)\b/
const SUMMARY = /\b(podac\w*|podatk\w*|informacij\w*|info|detalj\w*|sazetak|o vozilu|o autu)\b/

/** A word that only says to delete and what kind of item ("obriši", "slučaj"), not which one. */
export function isDeleteRequestWord(word: string): boolean {
  return DELETE.test(word) || BOOKING_WORD.test(word) || CASE_WORD.test(word) || TRIP_WORD.test(word)
}

/**
 * The task a message asks for, from keywords on the folded text; undefined when none of the
 * templates fits (the engine then asks tool retrieval).
 */
export function detectIntent(text: NormalizedText): Intent | undefined {
  const folded = text.folded
  if (DELETE.test(folded)) {
    if (BOOKING_WORD.test(folded)) return { kind: 'write', write: 'cancel-booking' }
    if (TRIP_WORD.test(folded)) return { kind: 'write', write: 'delete-trip' }
    if (CASE_WORD.test(folded)) return { kind: 'write', write: 'delete-case' }
  }
  if (FREE.test(folded) && (VEHICLE_WORD.test(folded) || /\bima li\b/.test(folded))) {
    return { kind: 'read', read: 'free-vehicles' }
  }
  if (BOOKING_WORD.test(folded) && LIST_CUE.test(folded) && !BOOK_VERB.test(folded)) {
    return { kind: 'read', read: 'my-bookings' }
  }
  if (BOOK_VERB.test(folded) || /\brezervacij\w*\b/.test(folded)) return { kind: 'write', write: 'booking' }
  if (
    CASE_LIST.test(folded) &&
    LIST_CUE.test(folded) &&
    !CATALOGUE.test(folded) &&
    !DAMAGE.test(folded.replace(CASE_LIST, ''))
  ) {
    return { kind: 'read', read: 'my-cases' }
  }
  if (DAMAGE.test(folded)) return { kind: 'write', write: 'case' }
  if (TRIPS.test(folded)) return { kind: 'read', read: 'my-trips' }
  // "dodaj trošak ..." creates one: that is a generic write found by tool retrieval.
  if (EXPENSES.test(folded) && !CREATE_VERB.test(folded)) return { kind: 'read', read: 'my-expenses' }
  if (MILEAGE_WORD.test(folded) || extractMileage(text) !== undefined) {
    if (extractMileage(text) !== undefined || MILEAGE_WRITE_VERB.test(folded))
      return { kind: 'write', write: 'mileage' }
    return { kind: 'read', read: 'mileage' }
  }
  if (REGISTRATION.test(folded) && DUE.test(folded)) return { kind: 'read', read: 'due-dates' }
  if (DUE.test(folded) && /\b(servis\w*|tehnick\w*|periodick\w*|registracij\w*)\b/.test(folded)) {
    return { kind: 'read', read: 'due-dates' }
  }
  if (PLATE.test(folded) || REGISTRATION.test(folded)) return { kind: 'read', read: 'plate' }
  if (LEASING.test(folded)) return { kind: 'read', read: 'leasing' }
  if (
    SUMMARY.test(folded) &&
    !PERSONAL.test(folded) &&
    (VEHICLE_WORD.test(folded) || /\bmoj\w*\b/.test(folded))
  ) {
    return { kind: 'read', read: 'vehicle-summary' }
  }
  if (/^(moje|moj|moja) (vozilo|auto|automobil)\W*$/.test(folded.trim()))
    return { kind: 'read', read: 'vehicle-summary' }
  return undefined
}
