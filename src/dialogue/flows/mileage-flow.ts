import { formatKilometers } from '../../format/index.ts'
import type { Reply } from '../../ports/messages.ts'
import type { Vehicle } from '../../ports/user-context.ts'
import { extractMileage } from '../../understanding/entities/extract-mileage.ts'
import { readSlotMessage } from '../answers/read-slot-edit.ts'
import type { WriteConfirmRule } from '../answers/read-write-answer.ts'
import { requireVehicle, vehicleLabel } from '../choice/pick-vehicle.ts'
import { moveToAwaitingConfirmation, moveToCollectingSlots, moveToIdle } from '../dialogue-state.ts'
import type { AbsorbPhase, Flow } from '../flow.ts'
import { commonTexts, confirmButtons } from '../texts/common-texts.ts'
import { correctionButtons } from '../texts/confirm-texts.ts'
import { mileageTexts } from '../texts/write-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { guardedWrite } from './guarded-write.ts'
import { refusedWrite } from './refused-write.ts'

/**
 * Readings are checked against the last recorded one:
 * - lower by more than ROLLBACK_KM (a few hundred km against 45.231 km: the odometer cannot
 *   run back) is a rollback: it is recorded only after an explicit correction, "ispravak" or
 *   the same number typed again, never after a plain "da";
 * - lower by less (a slip in the last reading) is questioned, and a "da" records it;
 * - higher than the plausible step is questioned: MAX_KM_PER_DAY for every day since the last
 *   reading (at least MIN_PLAUSIBLE_STEP_KM, at most IMPLAUSIBLE_JUMP_KM, which also applies
 *   when the last reading has no date);
 * - higher by more than IMPLAUSIBLE_JUMP_KM (452.310 against 45.231: a digit too many) needs the
 *   same explicit correction as a rollback.
 */
export const ROLLBACK_KM = 1_000
export const IMPLAUSIBLE_JUMP_KM = 50_000
export const MAX_KM_PER_DAY = 1_000
export const MIN_PLAUSIBLE_STEP_KM = 2_000
const MAX_ODOMETER_KM = 2_000_000
const DAY_MS = 24 * 60 * 60_000
/** Set when the user confirmed a rollback by typing the same number again. */
const CORRECTED_SLOT = 'correctionConfirmed'

export type ReadingCheck = 'plausible' | 'lower' | 'rollback' | 'too-high' | 'impossible'

/** Readings the odometer cannot show: recorded only after an explicit correction. */
function needsCorrection(check: ReadingCheck): boolean {
  return check === 'rollback' || check === 'impossible'
}

/** The largest plausible step from the last reading, by the days since it was taken. */
export function plausibleStepKm(lastReadingAt: string | undefined, now: Date): number {
  const at = lastReadingAt
    ? Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(lastReadingAt) ? lastReadingAt : `${lastReadingAt}Z`)
    : NaN
  if (Number.isNaN(at)) return IMPLAUSIBLE_JUMP_KM
  const days = Math.max(1, Math.ceil((now.getTime() - at) / DAY_MS))
  return Math.min(IMPLAUSIBLE_JUMP_KM, Math.max(MIN_PLAUSIBLE_STEP_KM, days * MAX_KM_PER_DAY))
}

/** How a new reading compares with the last one. */
export function checkReading(
  value: number,
  last: number | undefined,
  lastAt: string | undefined,
  now: Date,
): ReadingCheck {
  if (last === undefined) return 'plausible'
  if (value < last - ROLLBACK_KM) return 'rollback'
  if (value < last) return 'lower'
  if (value - last > IMPLAUSIBLE_JUMP_KM) return 'impossible'
  if (value - last > plausibleStepKm(lastAt, now)) return 'too-high'
  return 'plausible'
}

function vehicleOf(scope: TurnScope): Vehicle | undefined {
  return scope.user.vehicles.find((candidate) => candidate.id === scope.state.slots.vehicleId)
}

function readingCheckOf(scope: TurnScope): ReadingCheck {
  const vehicle = vehicleOf(scope)
  const value = scope.state.slots.mileage
  if (!vehicle || typeof value !== 'number') return 'plausible'
  return checkReading(value, vehicle.mileageKm, vehicle.mileageAt, scope.now)
}

/** Record mileage: extracted or asked, lower or implausibly high values questioned, confirmed, recorded. */
export const mileageFlow: Flow = {
  name: 'mileage',

  absorb(scope: TurnScope, phase: AbsorbPhase): boolean {
    // A question while a reading is asked or confirmed ("je li to 2 puta više?") is not a reading.
    if (phase !== 'start' && readSlotMessage(scope.text).kind === 'question') return false
    const expecting = phase === 'edit' || scope.state.missing.has('mileage')
    const value = extractMileage(scope.text, { expectingMileage: expecting })
    if (value === undefined || value < 0 || value > MAX_ODOMETER_KM) return false
    const slots = scope.state.slots
    // The same rollback typed again is the explicit correction it waits for.
    if (phase === 'edit' && value === slots.mileage && needsCorrection(readingCheckOf(scope)))
      slots[CORRECTED_SLOT] = true
    else delete slots[CORRECTED_SLOT]
    slots.mileage = value
    return true
  },

  async advance(scope: TurnScope): Promise<Reply[]> {
    const state = scope.state
    const pick = requireVehicle(scope)
    if ('replies' in pick) {
      // A reading written for someone else's car is not carried over to the user's own.
      if (pick.notYours) delete state.slots.mileage
      return pick.replies
    }
    const vehicle = pick.vehicle
    state.slots.vehicleId = vehicle.id
    const label = vehicleLabel(vehicle)
    const value = state.slots.mileage
    if (typeof value !== 'number') {
      const answered = state.missing.has('mileage')
      moveToCollectingSlots(state, ['mileage'])
      return [
        {
          text:
            answered && scope.text.tokens.length > 0 ? `${mileageTexts.notANumber}` : mileageTexts.ask(label),
        },
      ]
    }
    const refused = await refusedWrite(scope, { kind: 'mileage', mileage: { vehicleId: vehicle.id, value } })
    if (refused) {
      moveToIdle(state, scope.now.getTime())
      return [refused === 'not-found' ? { text: commonTexts.notYours() } : refused]
    }
    const check = readingCheckOf(scope)
    if (needsCorrection(check) && state.slots[CORRECTED_SLOT] === true) return this.execute(scope)
    const last = vehicle.mileageKm === undefined ? '' : formatKilometers(vehicle.mileageKm)
    const km = formatKilometers(value)
    if (needsCorrection(check)) {
      const summary =
        check === 'rollback'
          ? mileageTexts.rollbackSummary(label, km, last)
          : mileageTexts.impossibleSummary(label, km, last)
      moveToAwaitingConfirmation(state, { tool: 'post_AddMileage', summary })
      return [{ text: summary, buttons: correctionButtons }]
    }
    const warning =
      check === 'lower'
        ? mileageTexts.lower(last)
        : check === 'too-high'
          ? mileageTexts.tooHigh(last)
          : undefined
    const summary = mileageTexts.summary(label, km, warning)
    moveToAwaitingConfirmation(state, { tool: 'post_AddMileage', summary })
    return [{ text: summary, buttons: confirmButtons }]
  },

  confirmRule(scope: TurnScope): WriteConfirmRule {
    const vehicle = vehicleOf(scope)
    const value = scope.state.slots.mileage
    const check = readingCheckOf(scope)
    return {
      // A rollback or an impossible jump needs the correction word, not a plain yes.
      correction: needsCorrection(check),
      question: mileageTexts.plainQuestion(
        vehicle ? vehicleLabel(vehicle) : '',
        typeof value === 'number' ? formatKilometers(value) : '',
      ),
    }
  },

  async execute(scope: TurnScope): Promise<Reply[]> {
    const { slots } = scope.state
    const vehicle = vehicleOf(scope)
    if (!vehicle || typeof slots.mileage !== 'number') return this.advance(scope)
    const mileage = { vehicleId: vehicle.id, value: slots.mileage }
    const options = { tenantId: scope.user.tenantId }
    const outcome = await guardedWrite(scope, {
      tool: 'post_AddMileage',
      args: { ...mileage },
      send: () => scope.fleet.addMileage(mileage, options),
      readBack: async () => {
        const vehicles = await scope.fleet.getMasterData(scope.user.personId, options)
        return vehicles.some((record) => record.Id === vehicle.id && record.LastMileage === mileage.value)
      },
    })
    // MasterData now has a new LastMileage: the cached user context is stale.
    scope.deps.invalidateUser?.(scope.user.personId)
    moveToIdle(scope.state, scope.now.getTime())
    if (outcome.status === 'already-done') return [{ text: commonTexts.writeArrivedLate() }]
    return [{ text: mileageTexts.recorded(vehicleLabel(vehicle), formatKilometers(mileage.value)) }]
  },
}
