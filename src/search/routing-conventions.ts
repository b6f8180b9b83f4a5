import { isYear } from '../understanding/mask-values.ts'
import type { QueryUnderstanding } from './understand-query.ts'

/**
 * The first tool for the high-traffic intents of a driver (the routing conventions of the
 * product): when a message clearly asks for one of these, its tool goes first, whatever the
 * lexical scores of catalogue siblings. Each convention names the allowed vocabulary, so a
 * message that also mentions something else (a fleet average, a type list) falls back to search.
 */
export interface RoutingConvention {
  name: string
  /** Tool ids in preference order; the first that exists in the registry leads. */
  route(query: QueryUnderstanding): readonly string[] | undefined
}

const set = (words: string) => new Set(words.split(' '))

/** Nothing but these was said (implied hints, quoted values and "po X" keys do not count). */
function only(query: QueryUnderstanding, allowed: ReadonlySet<string>): boolean {
  for (const term of query.said) if (!allowed.has(term)) return false
  return true
}

function any(query: QueryUnderstanding, wanted: ReadonlySet<string>): boolean {
  for (const term of wanted) if (query.termSet.has(term)) return true
  return false
}

const reads = (query: QueryUnderstanding) => query.method === undefined || query.method === 'get'

const MILEAGE_ENTRY_WORDS = set('mileage vehicle latest')
/**
 * With a reading in it ("54 800", "63.410 km") a mileage message records it; a plate, a date,
 * "for the month" or a fill-up ("natočio sam, na satu 98.112 km") may come along.
 */
const MILEAGE_READING_WORDS = set(
  'mileage vehicle latest entry report licence plate registration month monthly on fuel expense',
)
/** "Ažuriraj/unesi kilometražu za vozilo ZG-123-AB": a new reading of a named vehicle. */
const MILEAGE_UPDATE_WORDS = set('mileage vehicle entry licence plate registration')
// `num`: "broj šasije", "registarski broj", or a number the user adds ("moj broj je ...").
const MY_VEHICLE_WORDS = set(
  'assigned assignment master num vehicle mileage licence plate registration leasing provider contract service periodic activity maintenance equipment vin brand make manufacturer model latest expiry expiration',
)
const MY_VEHICLE_WORDS_WITH_PERIODS = set([...MY_VEHICLE_WORDS, 'month', 'year'].join(' '))
const MY_VEHICLE_FACTS = set('mileage licence plate registration leasing provider vin')
/** Dates kept in the vehicle's master data: "kad je servis", "do kad vrijedi ugovor". */
const MY_VEHICLE_DATES = set('service maintenance contract')
const NEEDS_POSSESSIVE = set('master contract service maintenance equipment vehicle vin brand model')
const NOT_A_BOOKING = set(
  'id email message send equipment type document metadata project agg group criteria latest historical expense trip case vin brand make manufacturer model mileage licence plate registration leasing provider contract',
)
// Where it happened ("na parkingu", "na autocesti") does not change a damage report.
const DAMAGE_WORDS = set('case vehicle licence plate expense location address')
/** Periods ("ovaj mjesec", "prošle godine") filter the user's own records. */
const PERIOD_WORDS = 'month year overview'
const BOOKING_WORDS = set(`calendar vehicle ${PERIOD_WORDS}`)
const CASE_WORDS = set(`case vehicle historical latest ${PERIOD_WORDS}`)
const MY_CASE_WORDS = set([...CASE_WORDS, 'status'].join(' '))
const TRIP_WORDS = set(`trip vehicle historical latest ${PERIOD_WORDS}`)
const EXPENSE_WORDS = set(`expense fuel vehicle fleet company historical latest ${PERIOD_WORDS}`)
const SPENDING_WORDS = set(
  `expense fuel vehicle fleet company consumption agg latest monthly ${PERIOD_WORDS}`,
)
// "Vozila (naše) firme", "s tablicama": still the fleet's vehicle list.
const VEHICLE_LIST_WORDS = set(
  'vehicle fleet num company agg latest licence plate registration brand make manufacturer model',
)
const FLEET_WORDS = set('vehicle fleet')
/** Fuel averages have their own tools (`AverageFuelExpensesAndMileages`). */
const FUEL_WORDS = set('fuel consumption')
const VEHICLE_DOCUMENT_WORDS = set('vehicle document')
const PROFILE_WORDS = set('person driver org unit role')

/** A day or a date: "za sutra", "u petak", "15.12.". */
function namesTime(q: QueryUnderstanding): boolean {
  return q.dates.length > 0 || q.signals.has('%time')
}

/** "Moje / sve / jesam li / kad je / imam li" rezervacije: the user's own records are asked about. */
function asksAboutOwn(q: QueryUnderstanding): boolean {
  return (
    q.method === 'get' ||
    q.signals.has('%my') ||
    q.signals.has('%list') ||
    q.signals.has('%past') ||
    q.signals.has('%when') ||
    q.signals.has('%howmany')
  )
}

/** Words of catalogue operations: "obriši tip slučaja" is not about one of the user's cases. */
const CATALOGUE_WORDS = set('type document metadata criteria bulk multipatch agg grouping project lookup')

/**
 * "Obriši slučaj Nedostaje prva pomoć": after the verb and the kind of item, the rest of a
 * delete request names the item, so it may say anything but a catalogue operation.
 */
function deletesOwn(q: QueryUnderstanding, kind: string, allowed: ReadonlySet<string>): boolean {
  return q.method === 'delete' && q.termSet.has(kind) && (only(q, allowed) || !any(q, CATALOGUE_WORDS))
}

/** "Ima li slobodnih vozila", "jel ima (neki) auto": whether a vehicle is free. */
function asksIfFree(q: QueryUnderstanding): boolean {
  return (
    (q.signals.has('%available') || q.signals.has('%exists')) &&
    q.said.has('vehicle') &&
    !q.signals.has('%my')
  )
}

function isBookingQuestion(q: QueryUnderstanding): boolean {
  if (q.method === 'delete' || q.signals.has('%past')) return false
  for (const term of q.said) if (NOT_A_BOOKING.has(term)) return false
  return true
}

export const ROUTING_CONVENTIONS: readonly RoutingConvention[] = [
  {
    // A bare odometer reading (a number alone, or with its unit) or "unesi km": record mileage.
    name: 'record-mileage',
    route: (q) => {
      const writes = q.method === undefined || q.method === 'post'
      // An odometer-sized number with a mileage word ("kilometraža unos 99003", "za ZG-1234-AB: 63.410 km").
      if (
        q.numbers.some((value) => value >= 1000 && !isYear(value)) &&
        q.said.has('mileage') &&
        writes &&
        only(q, MILEAGE_READING_WORDS)
      )
        return ['post_AddMileage']
      if (q.dates.length > 0) return undefined
      // Updating "the mileage" means recording a new reading, not editing an old report.
      if (
        (q.method === 'put' || q.method === 'patch') &&
        q.termSet.has('mileage') &&
        only(q, MILEAGE_UPDATE_WORDS)
      )
        return ['post_AddMileage']
      if (!only(q, MILEAGE_ENTRY_WORDS)) return undefined
      // With a mileage word a reading may be small (a new car); a bare number next to
      // "vozilo" is more likely its id ("vozilo 123") unless it is odometer-sized.
      // A number alone is a reading; next to another word ("vozilo 4521") it is an id.
      const reading = q.termSet.has('mileage')
        ? q.numbers.some((value) => value >= 100)
        : q.said.size === 0 && q.numbers.some((value) => value >= 1000)
      if ((reading && writes) || (q.termSet.has('mileage') && q.method === 'post')) {
        return ['post_AddMileage']
      }
      return undefined
    },
  },
  {
    // "Ima li slobodnih vozila": a question about availability, answered with the list.
    name: 'free-vehicles',
    route: (q) =>
      isBookingQuestion(q) &&
      asksIfFree(q) &&
      !q.termSet.has('calendar') &&
      !q.signals.has('%book') &&
      !q.signals.has('%need')
        ? ['get_AvailableVehicles']
        : undefined,
  },
  {
    // Booking starts with availability; the booking itself follows.
    name: 'book-vehicle',
    route: (q) => {
      if (!isBookingQuestion(q)) return undefined
      const asks =
        q.signals.has('%book') ||
        (q.termSet.has('calendar') && namesTime(q) && !asksAboutOwn(q)) ||
        (q.signals.has('%need') && q.termSet.has('vehicle') && !q.signals.has('%list')) ||
        asksIfFree(q)
      return asks ? ['get_AvailableVehicles', 'post_VehicleCalendar'] : undefined
    },
  },
  {
    // "Moje štete" are records to list; "ogrebao sam (moj) auto" is a new report.
    name: 'report-damage',
    route: (q) => {
      if (!q.signals.has('%damage') || q.signals.has('%list') || q.signals.has('%past')) return undefined
      if (!only(q, DAMAGE_WORDS)) return undefined
      // "Moje štete" lists the user's cases; "guma mi je prazna" reports.
      if (q.signals.has('%my') && q.termSet.has('case') && !q.termSet.has('vehicle')) return undefined
      return q.method === undefined || q.method === 'post' ? ['post_AddCase', 'post_Cases'] : undefined
    },
  },
  {
    // Mileage, plate, registration, leasing house, contract, equipment of *my* vehicle.
    name: 'my-vehicle-facts',
    route: (q) => {
      // "Sva vozila s tablicama" lists the fleet; "sve od opreme u mom autu" is still the user's car.
      // "Ističe li mi registracija ovaj mjesec": a period is a filter here, unless it is a "po X" key.
      if (!reads(q) || !only(q, MY_VEHICLE_WORDS_WITH_PERIODS) || q.keys.has('month')) return undefined
      if (q.signals.has('%list') && !q.signals.has('%my')) return undefined
      // A plate with a fact ("koliko km ima ZG-1234-AB"): the template checks it is the user's.
      // A plate alone (details asked for by plate only) is a lookup in the fleet's vehicle list.
      if (q.plates.length > 0 && !any(q, MY_VEHICLE_FACTS)) return undefined
      const mine = q.signals.has('%my') && any(q, NEEDS_POSSESSIVE)
      const date = q.signals.has('%when') && any(q, MY_VEHICLE_DATES)
      return any(q, MY_VEHICLE_FACTS) || mine || date ? ['get_MasterData'] : undefined
    },
  },
  {
    name: 'my-bookings',
    route: (q) => {
      if (deletesOwn(q, 'calendar', BOOKING_WORDS)) return ['delete_VehicleCalendar_id']
      if (!only(q, BOOKING_WORDS)) return undefined
      // "Ipak neću auto, otkaži": a cancellation is of a booking even when the word is not said.
      if (q.method === 'delete' && q.signals.has('%cancel')) return ['delete_VehicleCalendar_id']
      if (!q.termSet.has('calendar')) return undefined
      return reads(q) ? ['get_VehicleCalendar'] : undefined
    },
  },
  {
    name: 'my-cases',
    route: (q) => {
      if (deletesOwn(q, 'case', CASE_WORDS)) return ['delete_Cases_id']
      // "Status mojih prijava" asks about the user's cases; "statusi slučajeva" is a code list.
      const allowed = q.signals.has('%my') ? MY_CASE_WORDS : CASE_WORDS
      if (!q.termSet.has('case') || !only(q, allowed)) return undefined
      return reads(q) ? ['get_Cases'] : undefined
    },
  },
  {
    name: 'my-trips',
    route: (q) => {
      if (deletesOwn(q, 'trip', TRIP_WORDS)) return ['delete_Trips_id']
      if (!q.termSet.has('trip') || !only(q, TRIP_WORDS)) return undefined
      return reads(q) ? ['get_Trips'] : undefined
    },
  },
  {
    // "Prosječni mjesečni troškovi flote", "koliko u prosjeku km mjesečno": the fleet's monthly averages.
    name: 'fleet-averages',
    route: (q) => {
      if (!reads(q) || !q.termSet.has('average') || q.signals.has('%my') || q.plates.length > 0)
        return undefined
      if (!(q.termSet.has('monthly') || q.termSet.has('month')) || any(q, FUEL_WORDS)) return undefined
      const expense = q.termSet.has('expense')
      if (expense === q.termSet.has('mileage')) return undefined
      // "Prosječni mjesečni trošak vozila 42": one vehicle's average, not the fleet's.
      const oneVehicle = q.said.has('vehicle') && q.numbers.some((value) => !isYear(value))
      if (oneVehicle) return expense ? ['get_Stats_VehicleAverageMonthlyExpenses_vehicleId'] : undefined
      return [
        expense ? 'get_Stats_FleetAverageMonthlyExpenses' : 'get_Stats_FleetAverageMonthlyMileage_year_month',
      ]
    },
  },
  {
    // "How much do we spend" is answered from the expense records.
    name: 'expenses',
    route: (q) => {
      // An average is a statistic of its own (`Stats/FleetAverageMonthlyExpenses`), not the list.
      // "Troškovi po mjesecima" is a breakdown per period (`VehiclesMonthlyExpenses`).
      if (!reads(q) || !q.termSet.has('expense') || q.termSet.has('average')) return undefined
      if (q.keys.has('month') || q.keys.has('year') || q.signals.has('%each')) return undefined
      const spending = q.signals.has('%spend') || q.signals.has('%howmany')
      return only(q, EXPENSE_WORDS) || (spending && only(q, SPENDING_WORDS)) ? ['get_Expenses'] : undefined
    },
  },
  {
    name: 'list-vehicles',
    route: (q) => {
      if (!reads(q) || !any(q, FLEET_WORDS) || !only(q, VEHICLE_LIST_WORDS)) return undefined
      // "Koliko", "broj vozila", "ukupno": a count.
      if (q.signals.has('%howmany') || q.termSet.has('num') || q.termSet.has('agg'))
        return ['get_Vehicles_Agg', 'get_Vehicles']
      const listing =
        q.signals.has('%list') ||
        q.signals.has('%detail') ||
        q.plates.length > 0 ||
        q.termSet.has('fleet') ||
        q.termSet.has('company')
      return listing ? ['get_Vehicles'] : undefined
    },
  },
  {
    name: 'vehicle-documents',
    route: (q) =>
      reads(q) &&
      q.termSet.has('document') &&
      (q.termSet.has('vehicle') || q.plates.length > 0) &&
      only(q, VEHICLE_DOCUMENT_WORDS)
        ? ['get_Vehicles_id_documents']
        : undefined,
  },
  {
    name: 'my-profile',
    route: (q) =>
      (q.signals.has('%me') || (q.signals.has('%my') && q.termSet.size > 0)) &&
      reads(q) &&
      only(q, PROFILE_WORDS)
        ? ['get_PersonData_personIdOrEmail']
        : undefined,
  },
]

export interface ConventionMatch {
  name: string
  /** Tool ids in preference order. */
  ids: readonly string[]
  /** The reading that was claimed: the whole message, or the clause that asks for it. */
  query: QueryUnderstanding
}

/**
 * The first convention that claims the message, with its tool ids. A chatty message that as a
 * whole asks for no one thing ("bok, koje su mi tablice, zaboravio sam a moram ih upisati za
 * parking") is claimed by its first clause that a convention claims.
 */
export function firstConvention(
  query: QueryUnderstanding,
  conventions: readonly RoutingConvention[] = ROUTING_CONVENTIONS,
): ConventionMatch | undefined {
  const whole = claim(query, conventions)
  if (whole) return whole
  for (const clause of query.clauses()) {
    // Only a clause that asks for something counts ("OIB 123...", "62 km" do not).
    if (!asksSomething(clause)) continue
    const match = claim(clause, conventions)
    // "Ne treba taj trošak 2045, makni ga": a delete is not answered by a clause's read.
    if (match && (query.method !== 'delete' || match.ids[0]!.startsWith('delete_'))) return match
  }
  return undefined
}

const ASKING_SIGNALS = [
  '%damage',
  '%book',
  '%need',
  '%available',
  '%exists',
  '%my',
  '%me',
  '%when',
  '%howmany',
]

/** A verb, a question, or a signal of a request ("imam kvar na klimi"). */
function asksSomething(query: QueryUnderstanding): boolean {
  return query.method !== undefined || ASKING_SIGNALS.some((signal) => query.signals.has(signal))
}

function claim(
  query: QueryUnderstanding,
  conventions: readonly RoutingConvention[],
): ConventionMatch | undefined {
  for (const rule of conventions) {
    const ids = rule.route(query)
    if (ids && ids.length > 0) return { name: rule.name, ids, query }
  }
  return undefined
}
