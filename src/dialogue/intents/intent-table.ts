import type { ToolRegistry } from '../../registry/tool-registry.ts'

/**
 * What each intent of the understanding model leads to. `read`/`write` intents name their tools
 * in preference order (the first is the one the flow starts with; the others count as the same
 * action); `no-tool` intents are answered directly; `other` goes to catalogue search.
 */
export type IntentKind = 'read' | 'write' | 'no-tool' | 'other'

export interface IntentEntry {
  kind: IntentKind
  tools: readonly string[]
}

const read = (...tools: string[]): IntentEntry => ({ kind: 'read', tools })
const write = (...tools: string[]): IntentEntry => ({ kind: 'write', tools })
const NO_TOOL: IntentEntry = { kind: 'no-tool', tools: [] }

export const INTENT_TABLE: Readonly<Record<string, IntentEntry>> = {
  vehicle_mileage: read('get_MasterData'),
  vehicle_plate: read('get_MasterData'),
  vehicle_due_dates: read('get_MasterData'),
  vehicle_leasing: read('get_MasterData'),
  vehicle_summary: read('get_MasterData'),
  vehicle_documents: read('get_Vehicles_id_documents'),
  my_profile: read('get_PersonData_personIdOrEmail'),
  // The booking flow starts with availability; creating the calendar entry is the same action.
  book_vehicle: read('get_AvailableVehicles', 'post_VehicleCalendar'),
  my_bookings: read('get_VehicleCalendar'),
  cancel_booking: write('delete_VehicleCalendar_id'),
  record_mileage: write('post_AddMileage'),
  report_damage: write('post_AddCase'),
  my_cases: read('get_Cases'),
  delete_case: write('delete_Cases_id'),
  my_trips: read('get_Trips'),
  delete_trip: write('delete_Trips_id'),
  my_expenses: read('get_Expenses'),
  // A new expense goes through the generic write flow: confirmation, access policy, read-back.
  add_expense: write('post_Expenses'),
  list_vehicles: read('get_Vehicles'),
  count_vehicles: read('get_Vehicles_Agg'),
  greeting: NO_TOOL,
  thanks: NO_TOOL,
  goodbye: NO_TOOL,
  help: NO_TOOL,
  bot_identity: NO_TOOL,
  own_context: NO_TOOL,
  small_talk: NO_TOOL,
  complaint: NO_TOOL,
  out_of_scope: NO_TOOL,
  other: { kind: 'other', tools: [] },
}

export class IntentTableError extends Error {
  readonly code = 'M1_ERR_INTENT_TABLE'
  constructor(message: string) {
    super(message)
    this.name = 'IntentTableError'
  }
}

/**
 * Checked at load: every tool the table names exists in the registry, and (when given) every
 * intent the model knows has an entry. Throws naming what is missing.
 */
export function checkIntentTable(
  registry: Pick<ToolRegistry, 'has'>,
  intents: readonly string[] = [],
  table: Readonly<Record<string, IntentEntry>> = INTENT_TABLE,
): void {
  const missingTools = Object.entries(table).flatMap(([intent, entry]) =>
    entry.tools.filter((tool) => !registry.has(tool)).map((tool) => `${tool} (${intent})`),
  )
  const missingIntents = intents.filter((intent) => !(intent in table))
  const problems = [
    ...(missingTools.length > 0 ? [`tools missing from the registry: ${missingTools.join(', ')}`] : []),
    ...(missingIntents.length > 0 ? [`intents without a table entry: ${missingIntents.join(', ')}`] : []),
  ]
  if (problems.length > 0) throw new IntentTableError(`intent table: ${problems.join('; ')}`)
}

export function intentEntry(intent: string): IntentEntry | undefined {
  return Object.hasOwn(INTENT_TABLE, intent) ? INTENT_TABLE[intent] : undefined
}
