import type { NewCase } from '../../ports/fleet-api.ts'
import type { Reply } from '../../ports/messages.ts'
import { extractLabeledValue } from '../../understanding/entities/extract-labeled-value.ts'
import { extractPlates, plateKey } from '../../understanding/entities/extract-plates.ts'
import { readAddition } from '../answers/read-addition.ts'
import type { WriteConfirmRule } from '../answers/read-write-answer.ts'
import { pickVehicle, vehicleLabel } from '../choice/pick-vehicle.ts'
import { moveToAwaitingConfirmation, moveToCollectingSlots, moveToIdle } from '../dialogue-state.ts'
import type { AbsorbPhase, Flow } from '../flow.ts'
import { commonTexts, confirmButtons } from '../texts/common-texts.ts'
import { caseTexts } from '../texts/write-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { guardedWrite } from './guarded-write.ts'
import { refusedWrite } from './refused-write.ts'

const FAULT =
  /\b(kvar\w*|pokvar\w*|ne radi|ne pali|lampic\w*|motor\w*|kocnic\w*|gum\w*|akumulator\w*|broken)\b/
const DAMAGE =
  /\b(stet\w*|ostecen\w*|ogreb\w*|udar\w*|udubljen\w*|sudar\w*|nesrec\w*|udes\w*|razbi\w*|puk\w*|damage)\b/
// Words of the request itself; what remains beyond them is a description.
const REQUEST_WORDS = new Set([
  'prijavi',
  'prijaviti',
  'prijava',
  'prijavljujem',
  'zelim',
  'trebam',
  'htio',
  'htjela',
  'bih',
  'imam',
  'mi',
  'je',
  'na',
  'autu',
  'vozilu',
  'auto',
  'vozilo',
  'kvar',
  'kvara',
  'stetu',
  'steta',
  'stete',
  'problem',
  'problema',
  'moj',
  'mom',
  'mojem',
  'moje',
  'svom',
  's',
  'sa',
  'u',
  'i',
  'da',
  'se',
  'molim',
  'novu',
  'novi',
  'jednu',
  'jedan',
  'o',
])
const MIN_DESCRIPTION_WORDS = 2

/** Report damage or a fault: subject inferred, description asked if missing, vehicle attached, confirmed. */
export const caseFlow: Flow = {
  name: 'case',

  absorb(scope: TurnScope, phase: AbsorbPhase): boolean {
    const slots = scope.state.slots
    const folded = scope.text.folded
    if (phase === 'start') {
      slots.subject = FAULT.test(folded)
        ? caseTexts.subjects.fault
        : DAMAGE.test(folded)
          ? caseTexts.subjects.damage
          : caseTexts.subjects.problem
      const extra = scope.text.tokens.filter((word) => !REQUEST_WORDS.has(word))
      if (extra.length >= MIN_DESCRIPTION_WORDS) slots.description = scope.text.original.trim()
      return true
    }
    const labeled = extractLabeledValue(scope.text.original)
    if (labeled) {
      slots.description = labeled.value
      return true
    }
    // More of the same report at its confirmation: its words go on the description.
    const addition =
      phase === 'edit' ? readAddition(scope.text) : phase === 'more' ? scope.text.original.trim() : undefined
    if (addition) {
      const before = typeof slots.description === 'string' ? slots.description.replace(/[\s.]+$/, '') : ''
      slots.description = before ? `${before}. ${addition}` : addition
      return true
    }
    if (phase === 'answer' && scope.state.missing.has('description') && scope.text.tokens.length > 0) {
      slots.description = scope.text.original.trim()
      return true
    }
    return false
  },

  async advance(scope: TurnScope): Promise<Reply[]> {
    const state = scope.state
    const slots = state.slots
    let vehicle: string | undefined
    if (!slots.noVehicle) {
      const pick = pickVehicle(scope, { foreignNames: false })
      if (pick.status === 'asked') return [pick.reply]
      // MobilityOne attaches a case to the plate its text names: a report naming someone else's
      // vehicle would land on that vehicle, so it is refused like every other change to it.
      if (pick.status === 'not-yours') return [pick.reply]
      if (pick.status === 'picked') {
        slots.vehicleId = pick.vehicle.id
        vehicle = vehicleLabel(pick.vehicle)
      } else slots.noVehicle = true
    }
    slots.vehicleIdLabel = vehicle
    if (typeof slots.description !== 'string') {
      moveToCollectingSlots(state, ['description'])
      return [{ text: caseTexts.askDescription(String(slots.subject)) }]
    }
    const foreign = foreignPlate(scope, slots.description)
    if (foreign) {
      delete slots.description
      moveToCollectingSlots(state, ['description'])
      return [{ text: caseTexts.foreignPlateInDescription(foreign) }]
    }
    const refused = await refusedWrite(scope, { kind: 'case', newCase: newCaseOf(scope) })
    if (refused) {
      moveToIdle(state, scope.now.getTime())
      return [refused === 'not-found' ? { text: commonTexts.notYours() } : refused]
    }
    const summary = caseTexts.summary(String(slots.subject), vehicle, slots.description)
    moveToAwaitingConfirmation(state, { tool: 'post_AddCase', summary })
    return [{ text: summary, buttons: confirmButtons }]
  },

  confirmRule(scope: TurnScope): WriteConfirmRule {
    const slots = scope.state.slots
    const vehicle = typeof slots.vehicleIdLabel === 'string' ? slots.vehicleIdLabel : undefined
    // A report is the user's own words: never confirmed by emoji.
    return { question: caseTexts.plainQuestion(String(slots.subject), vehicle) }
  },

  async execute(scope: TurnScope): Promise<Reply[]> {
    const newCase = newCaseOf(scope)
    const options = { tenantId: scope.user.tenantId }
    const outcome = await guardedWrite(scope, {
      tool: 'post_AddCase',
      args: { ...newCase },
      send: () => scope.fleet.addCase(newCase, options),
      readBack: async () => {
        const cases = await scope.fleet.listCases(newCase.personId, {
          ...options,
          paging: { first: 0, rows: 20 },
        })
        return cases.items.some(
          (item) =>
            item.Subject === newCase.subject && (item.Message ?? item.Description) === newCase.message,
        )
      },
    })
    moveToIdle(scope.state, scope.now.getTime())
    if (outcome.status === 'already-done') return [{ text: commonTexts.writeArrivedLate() }]
    return [{ text: caseTexts.created(caseIdOf(outcome.result)) }]
  },
}

/** The case as it will be sent: the description with the attached vehicle named. */
function newCaseOf(scope: TurnScope): NewCase {
  const slots = scope.state.slots
  const vehicle = typeof slots.vehicleIdLabel === 'string' ? slots.vehicleIdLabel : undefined
  const message = vehicle ? `${slots.description}\n\nVozilo: ${vehicle}` : String(slots.description)
  return { personId: scope.user.personId, subject: String(slots.subject), message }
}

/** A plate in the description that is not the user's (the API would attach the case to it). */
function foreignPlate(scope: TurnScope, description: string): string | undefined {
  const own = new Set(
    scope.user.vehicles.flatMap((vehicle) => (vehicle.plate ? [plateKey(vehicle.plate)] : [])),
  )
  return extractPlates(description).find((mention) => !own.has(mention.key))?.plate
}

function caseIdOf(created: unknown): string | undefined {
  if (typeof created === 'number' || typeof created === 'string') return String(created)
  if (created && typeof created === 'object') {
    const record = created as Record<string, unknown>
    const id = record.Id ?? record.id ?? record.CaseId
    if (id !== undefined && id !== null) return String(id)
  }
  return undefined
}
