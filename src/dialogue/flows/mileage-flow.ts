import { formatKilometers } from '../../format/index.ts'
import type { Reply } from '../../ports/messages.ts'
import { extractMileage } from '../../understanding/entities/extract-mileage.ts'
import { moveToAwaitingConfirmation, moveToCollectingSlots, moveToIdle } from '../dialogue-state.ts'
import type { AbsorbPhase, Flow } from '../flow.ts'
import { requireVehicle, vehicleLabel } from '../pick-vehicle.ts'
import { commonTexts, confirmButtons } from '../texts/common-texts.ts'
import { mileageTexts } from '../texts/write-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { guardedWrite } from './guarded-write.ts'

/** More than this above the last reading is questioned (about a year of heavy driving). */
export const IMPLAUSIBLE_JUMP_KM = 50_000
const MAX_ODOMETER_KM = 2_000_000

/** Record mileage: extracted or asked, lower or implausibly high values questioned, confirmed, recorded. */
export const mileageFlow: Flow = {
  name: 'mileage',

  absorb(scope: TurnScope, phase: AbsorbPhase): boolean {
    const expecting = phase === 'edit' || scope.state.missing.has('mileage')
    const value = extractMileage(scope.text, { expectingMileage: expecting })
    if (value === undefined || value < 0 || value > MAX_ODOMETER_KM) return false
    scope.state.slots.mileage = value
    return true
  },

  async advance(scope: TurnScope): Promise<Reply[]> {
    const state = scope.state
    const pick = requireVehicle(scope)
    if ('replies' in pick) return pick.replies
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
    let warning: string | undefined
    const last = vehicle.mileageKm
    if (last !== undefined && value < last) warning = mileageTexts.lower(formatKilometers(last))
    else if (last !== undefined && value - last > IMPLAUSIBLE_JUMP_KM)
      warning = mileageTexts.tooHigh(formatKilometers(last))
    const summary = mileageTexts.summary(label, formatKilometers(value), warning)
    moveToAwaitingConfirmation(state, { tool: 'post_AddMileage', summary })
    return [{ text: summary, buttons: confirmButtons }]
  },

  async execute(scope: TurnScope): Promise<Reply[]> {
    const { slots } = scope.state
    const vehicle = scope.user.vehicles.find((candidate) => candidate.id === slots.vehicleId)
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
