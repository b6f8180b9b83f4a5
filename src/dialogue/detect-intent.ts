import { firstConvention, type RoutingConvention } from '../search/routing-conventions.ts'
import type { QueryUnderstanding } from '../search/understand-query.ts'

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

// Words that only say "delete" and what kind of item, on folded text (see isDeleteRequestWord).
const DELETE = /\b(otkaz\w*|storn\w*|obris\w*|izbris\w*|ponist\w*|makni|ukloni\w*|cancel|delete|brisanje)\b/
const BOOKING_WORD = /\b(rezervacij\w*|rezervir\w*|booking\w*|termin\w*)\b/
const CASE_WORD = /\b(slucaj\w*|prijav\w*|case\w*|stet\w*|kvar\w*)\b/
const TRIP_WORD = /\b(putovanj\w*|put|putni\w*|voznj\w*|trip\w*)\b/

/** A word that only says to delete and what kind of item ("obriši", "slučaj"), not which one. */
export function isDeleteRequestWord(word: string): boolean {
  return DELETE.test(word) || BOOKING_WORD.test(word) || CASE_WORD.test(word) || TRIP_WORD.test(word)
}

/** The templates behind the tools of the routing conventions (one router for search and dialogue). */
const INTENT_OF_TOOL: Readonly<Record<string, Intent>> = {
  post_AddMileage: { kind: 'write', write: 'mileage' },
  get_AvailableVehicles: { kind: 'write', write: 'booking' },
  post_AddCase: { kind: 'write', write: 'case' },
  get_VehicleCalendar: { kind: 'read', read: 'my-bookings' },
  delete_VehicleCalendar_id: { kind: 'write', write: 'cancel-booking' },
  get_Cases: { kind: 'read', read: 'my-cases' },
  delete_Cases_id: { kind: 'write', write: 'delete-case' },
  get_Trips: { kind: 'read', read: 'my-trips' },
  delete_Trips_id: { kind: 'write', write: 'delete-trip' },
  get_Expenses: { kind: 'read', read: 'my-expenses' },
}
const FREE_VEHICLES: Intent = { kind: 'read', read: 'free-vehicles' }
const TOOL_OF_INTENT = new Map(
  Object.entries(INTENT_OF_TOOL).map(([tool, intent]) => [intentKey(intent), tool]),
)
const MASTER_DATA_READS: ReadonlySet<ReadIntent> = new Set([
  'mileage',
  'plate',
  'due-dates',
  'leasing',
  'vehicle-summary',
])

function intentKey(intent: Intent): string {
  return intent.kind === 'read' ? `read:${intent.read}` : `write:${intent.write}`
}

/** The first tool of a template intent (what the routing benchmark compares with its labels). */
export function toolOfIntent(intent: Intent): string {
  if (intent.kind === 'read' && MASTER_DATA_READS.has(intent.read)) return 'get_MasterData'
  if (intent.kind === 'read' && intent.read === 'free-vehicles') return 'get_AvailableVehicles'
  return TOOL_OF_INTENT.get(intentKey(intent))!
}
const DUE_SUBJECTS = ['registration', 'service', 'maintenance', 'periodic', 'technical']
const PLATE_TERMS = ['licence', 'plate', 'registration']
const LEASING_TERMS = ['leasing', 'provider', 'contract']

/** Which fact of the user's vehicle a MasterData question is about (one template each). */
function vehicleFact(query: QueryUnderstanding): ReadIntent {
  const has = (term: string) => query.termSet.has(term)
  if (has('mileage')) return 'mileage'
  const asksDate = query.signals.has('%when') || has('expiry') || has('expiration')
  if (asksDate && DUE_SUBJECTS.some(has)) return 'due-dates'
  if (has('service') || has('maintenance')) return 'due-dates'
  if (PLATE_TERMS.some(has)) return 'plate'
  if (LEASING_TERMS.some(has)) return 'leasing'
  return 'vehicle-summary'
}

/**
 * The template task a message asks for: the routing convention that claims it (the same rules
 * that put a tool first in tool retrieval), mapped to its flow. Undefined when no convention
 * claims the message, or its tool has no template (the engine then runs the tool generically).
 */
export function detectIntent(
  query: QueryUnderstanding,
  conventions?: readonly RoutingConvention[],
): Intent | undefined {
  const match = firstConvention(query, conventions)
  if (!match) return undefined
  if (match.name === 'free-vehicles') return FREE_VEHICLES
  const tool = match.ids[0]!
  if (tool === 'get_MasterData') return { kind: 'read', read: vehicleFact(match.query) }
  return INTENT_OF_TOOL[tool]
}
