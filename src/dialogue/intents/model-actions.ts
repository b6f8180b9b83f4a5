import type { IntentClassification } from '../../understanding/create-intent-classifier.ts'
import type { IntentScore } from '../../understanding/intent-model.ts'
import type { Intent } from '../detect-intent.ts'
import { intentEntry } from './intent-table.ts'

/**
 * What the dialogue does with each intent of the trained model: a template flow, one catalogue
 * tool run through the generic flows (and the access policy), a direct answer, or nothing (the
 * router and catalogue search take over). Tools come from the intent table, checked at load.
 */
export type ModelAction =
  | { kind: 'template'; intent: Intent }
  | { kind: 'tool'; tool: string }
  | { kind: 'answer'; answer: DirectAnswer }
  | { kind: 'search' }

export type DirectAnswer =
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'help'
  | 'bot-identity'
  | 'own-context'
  | 'small-talk'
  | 'complaint'
  | 'out-of-scope'

const read = (intent: Extract<Intent, { kind: 'read' }>['read']): ModelAction => ({
  kind: 'template',
  intent: { kind: 'read', read: intent },
})
const write = (intent: Extract<Intent, { kind: 'write' }>['write']): ModelAction => ({
  kind: 'template',
  intent: { kind: 'write', write: intent },
})
const answer = (kind: DirectAnswer): ModelAction => ({ kind: 'answer', answer: kind })

/** Intents with a template flow or a direct answer; the others run their intent-table tool. */
const MODEL_ACTIONS: Readonly<Record<string, ModelAction>> = {
  vehicle_mileage: read('mileage'),
  vehicle_plate: read('plate'),
  vehicle_due_dates: read('due-dates'),
  vehicle_leasing: read('leasing'),
  vehicle_summary: read('vehicle-summary'),
  book_vehicle: write('booking'),
  my_bookings: read('my-bookings'),
  cancel_booking: write('cancel-booking'),
  record_mileage: write('mileage'),
  report_damage: write('case'),
  my_cases: read('my-cases'),
  delete_case: write('delete-case'),
  my_trips: read('my-trips'),
  delete_trip: write('delete-trip'),
  my_expenses: read('my-expenses'),
  greeting: answer('greeting'),
  thanks: answer('thanks'),
  goodbye: answer('goodbye'),
  help: answer('help'),
  bot_identity: answer('bot-identity'),
  own_context: answer('own-context'),
  small_talk: answer('small-talk'),
  complaint: answer('complaint'),
  out_of_scope: answer('out-of-scope'),
  other: { kind: 'search' },
}

const INTENT_OF_READ: ReadonlyMap<string, string> = new Map(
  Object.entries(MODEL_ACTIONS).flatMap(([name, action]): [string, string][] =>
    action.kind === 'template' && action.intent.kind === 'read' ? [[action.intent.read, name]] : [],
  ),
)

/** The model intent whose action is the read template `read` ("mileage" -> vehicle_mileage). */
export function intentOfRead(read: string): string | undefined {
  return INTENT_OF_READ.get(read)
}

/**
 * A wrong greeting or a wrong read of the user's own data costs one message; a wrong write flow
 * costs a confirmation the user must refuse. So direct answers and reads act from a lower
 * probability than writes ("bok" reads 0.87 greeting, 0.13 goodbye).
 */
export const LOW_RISK_P = 0.75

/** Reads of the user's own data and direct answers: acting wrongly on them changes nothing. */
export function isLowRisk(intent: string): boolean {
  const action = modelAction(intent)
  if (action.kind === 'answer') return true
  if (action.kind === 'template') return action.intent.kind === 'read'
  return action.kind === 'tool' && intentEntry(intent)?.kind === 'read'
}

const isDirectAnswer = (intent: string) => modelAction(intent).kind === 'answer'

/**
 * The model's decision as the dialogue acts on it: a low-risk top intent acts from LOW_RISK_P;
 * and when direct answers together hold LOW_RISK_P ("ajd bog": goodbye 0.44, greeting 0.38) the
 * message needs no tool whichever of them it is, so the likeliest answers.
 */
export function withLowRiskActions(reading: IntentClassification): IntentClassification {
  const { decision, ranking } = reading
  const top = ranking[0]
  if (decision.kind === 'act' || !top) return reading
  if (decision.kind === 'fallback' && decision.reason !== 'low-confidence') return reading
  const act = (score: IntentScore): IntentClassification => ({
    ranking,
    decision: { kind: 'act', intent: score.intent, p: score.p },
  })
  if (top.p >= LOW_RISK_P && isLowRisk(top.intent)) return act(top)
  let answers = 0
  for (const score of ranking) if (isDirectAnswer(score.intent)) answers += score.p
  const likeliest = ranking.find((score) => isDirectAnswer(score.intent))
  return answers >= LOW_RISK_P && likeliest ? act(likeliest) : reading
}

export function modelAction(intent: string): ModelAction {
  if (Object.hasOwn(MODEL_ACTIONS, intent)) return MODEL_ACTIONS[intent]!
  const tool = intentEntry(intent)?.tools[0]
  return tool ? { kind: 'tool', tool } : { kind: 'search' }
}

/** The same action (a rule-router intent among the model's candidates breaks a tie). */
export function sameIntent(left: Intent, right: Intent): boolean {
  return left.kind === 'read' && right.kind === 'read'
    ? left.read === right.read
    : left.kind === 'write' && right.kind === 'write' && left.write === right.write
}

/** Short Croatian names of the intents, for the clarification buttons. */
export const INTENT_LABELS: Readonly<Record<string, string>> = {
  vehicle_mileage: 'Vidjeti kilometražu vozila',
  vehicle_plate: 'Vidjeti tablice vozila',
  vehicle_due_dates: 'Rokovi: registracija i servis',
  vehicle_leasing: 'Podaci o leasingu',
  vehicle_summary: 'Podaci o vozilu',
  vehicle_documents: 'Dokumenti vozila',
  my_profile: 'Moji podaci',
  book_vehicle: 'Rezervirati vozilo',
  my_bookings: 'Moje rezervacije',
  cancel_booking: 'Otkazati rezervaciju',
  record_mileage: 'Upisati novu kilometražu',
  report_damage: 'Prijaviti štetu ili kvar',
  my_cases: 'Moje prijave (slučajevi)',
  delete_case: 'Povući prijavu',
  my_trips: 'Moja putovanja',
  delete_trip: 'Obrisati putovanje',
  my_expenses: 'Moji troškovi',
  add_expense: 'Dodati trošak',
  list_vehicles: 'Popis vozila',
  count_vehicles: 'Broj vozila',
  help: 'Što sve mogu',
  complaint: 'Prijaviti krivi odgovor',
}
