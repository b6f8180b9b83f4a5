import { identifierWords } from '../../search/identifier-words.ts'
import { foldText, tokenize } from '../../understanding/entities/normalize-text.ts'
import { fieldLabel } from './field-labels.ts'

/** How a field's value is written: money with its currency, kilometres, days, month names, … */
export type ValueKind =
  | 'auto'
  | 'money'
  | 'km'
  | 'days'
  | 'months'
  | 'minutes'
  | 'year'
  | 'month'
  | 'quarter'
  | 'enum'

/** What the renderer knows about a field from its name alone, decided once per name. */
export interface FieldPlan {
  name: string
  label: string
  kind: ValueKind
  /** How much the field matters when the question does not mention it (0 = only when asked). */
  priority: number
  /** The identifier's head word (`LastMileage` -> mileage, `VehicleTypeName` -> type), matched with the question's terms. */
  head: string
  /** Five-letter prefixes of the label's folded words, matched with the question's words. */
  labelPrefixes: readonly string[]
}

/** Fields that serve other fields (unit, currency) or name the tenant: never shown themselves. */
const SERVING_FIELDS = new Set(['mileageunit', 'currency', 'volumeunit', 'position', 'isactive', 'ismy'])

const MONEY_WORDS = new Set(['amount', 'price', 'expense', 'cost'])
const NOT_MONEY_WORDS = new Set([
  'type',
  'group',
  'category',
  'date',
  'count',
  'status',
  'time',
  'month',
  'year',
])
const KM_WORDS = new Set(['mileage', 'distance', 'km'])
const KM_UNIT_FIELDS = new Set([
  'startunits',
  'endunits',
  'intervalunits',
  'expiryunits',
  'unitsuntilexpiry',
  'expirywarningunits',
  'maintenancewarningunits',
  'periodicactivitytypeintervalunits',
])
const PER_WORDS = new Set(['per', 'per100', 'consumption', 'co2'])
const ENUM_WORDS = new Set([
  'type',
  'status',
  'severity',
  'source',
  'availability',
  'category',
  'method',
  'state',
])

/** Fields worth showing unasked, most useful first (default 3; 0 only when asked for). */
const PRIORITIES: Readonly<Record<string, number>> = {
  status: 8,
  casestatus: 8,
  generalstatusname: 5,
  vehiclestatus: 4,
  vehiclename: 4,
  periodicactivitystatusname: 7,
  duedate: 8,
  expirydate: 8,
  estimatedexpirydate: 6,
  daystoexpiry: 6,
  daysuntilexpiration: 6,
  lastmileage: 8,
  mileage: 7,
  amount: 8,
  monthlyamount: 4,
  date: 7,
  expensedate: 7,
  raisedon: 7,
  fromtime: 7,
  totime: 7,
  starttime: 7,
  endtime: 6,
  route: 6,
  distance: 6,
  casetypename: 6,
  expensetypename: 6,
  periodicactivitytypename: 6,
  licenceplate: 6,
  drivername: 5,
  driver: 5,
  assigneename: 5,
  availability: 4,
  providername: 5,
  contractend: 4,
  contractstart: 4,
  mileagelimit: 4,
  email: 5,
  phone: 5,
  mobile: 4,
  orgunitname: 4,
  persontypename: 4,
  companyname: 3,
  vehicletypename: 3,
  poolname: 3,
  vehiclepoolname: 3,
  severity: 4,
  subject: 6,
  description: 2,
  comment: 2,
  code: 1,
  vin: 1,
  manufacturer: 1,
  make: 1,
  model: 1,
  productionyear: 1,
  co2: 1,
  lastmileagetime: 2,
  lastchange: 1,
  oldlicenceplates: 0,
  costcentercode: 0,
  orgunitcode: 0,
  companycode: 0,
  persontypecode: 0,
  persontypedescription: 0,
  persontypeamountfrom: 0,
  persontypeamountto: 0,
  orgunitfrom: 0,
  orgunitto: 0,
  notificationto: 0,
  operatedby: 0,
  quarter: 0,
  firstdayofmonth: 0,
  endofmonth: 0,
}

const PREFIX_LENGTH = 5

/** The word a field is about: the last one, "name" aside ("VehicleTypeName" is about the type). */
function headOf(words: readonly string[]): string {
  const last = words[words.length - 1] ?? ''
  return last === 'name' && words.length > 1 ? words[words.length - 2]! : last
}

/** Kinds the words do not tell. */
const KIND_OF_FIELD: Readonly<Record<string, ValueKind>> = { duration: 'months' }

function kindOf(name: string, words: readonly string[]): ValueKind {
  const lower = name.toLowerCase()
  const fixed = KIND_OF_FIELD[lower]
  if (fixed) return fixed
  const set = new Set(words)
  const last = words[words.length - 1]
  if (words.some((word) => PER_WORDS.has(word))) return 'auto'
  if (KM_UNIT_FIELDS.has(lower)) return 'km'
  if (words.some((word) => MONEY_WORDS.has(word)) && !words.some((word) => NOT_MONEY_WORDS.has(word)))
    return 'money'
  if (words.some((word) => KM_WORDS.has(word)) && !set.has('month') && !set.has('date')) return 'km'
  if (lower.endsWith('months')) return 'months'
  if (set.has('day') && !set.has('date')) return 'days'
  if (set.has('minute')) return 'minutes'
  if (last === 'year') return 'year'
  if (last === 'month') return 'month'
  if (last === 'quarter') return 'quarter'
  if (last && ENUM_WORDS.has(last)) return 'enum'
  return 'auto'
}

function prefixes(label: string): string[] {
  return tokenize(foldText(label))
    .filter((word) => word.length >= 3)
    .map((word) => word.slice(0, PREFIX_LENGTH))
}

const plans = new Map<string, FieldPlan | null>()
const MAX_PLANS = 5_000

/**
 * The plan for a field name, or undefined for a field that is never shown: ids and foreign keys
 * (their entity's name is a field of its own), tenant, hashes, JSON, the API's flags, units and
 * currencies that serve other fields, and anything without a Croatian label.
 */
export function planField(name: string): FieldPlan | undefined {
  const key = name.toLowerCase()
  const known = plans.get(key)
  if (known !== undefined) return known ?? undefined
  const plan = buildPlan(name, key)
  if (plans.size >= MAX_PLANS) plans.clear()
  plans.set(key, plan ?? null)
  return plan
}

function buildPlan(name: string, key: string): FieldPlan | undefined {
  if (SERVING_FIELDS.has(key)) return undefined
  const words = identifierWords(name)
  // Is*Valid, IsJsonInfo and similar: the API's bookkeeping, not the user's facts.
  if (words[0] === 'is' || words[0] === 'has') return undefined
  const label = fieldLabel(name)
  if (!label) return undefined
  return {
    name,
    label,
    kind: kindOf(name, words),
    priority: PRIORITIES[key] ?? 3,
    head: headOf(words),
    labelPrefixes: prefixes(label),
  }
}
