import type { Reply } from '../ports/messages.ts'
import type { Vehicle } from '../ports/user-context.ts'
import type { ShownItem } from '../store/conversation-state.ts'
import { moveToAwaitingSelection } from './dialogue-state.ts'
import { buildChoiceReply } from './format/build-choice-reply.ts'
import { resolveReference } from './resolve-reference.ts'
import { commonTexts } from './texts/common-texts.ts'
import type { TurnScope } from './turn-scope.ts'

export type VehiclePick =
  | { status: 'picked'; vehicle: Vehicle }
  | { status: 'asked'; reply: Reply }
  | { status: 'none'; reply: Reply }

export function vehicleLabel(vehicle: Pick<Vehicle, 'name' | 'plate'>): string {
  return vehicle.plate && !vehicle.name.includes(vehicle.plate)
    ? `${vehicle.name} (${vehicle.plate})`
    : vehicle.name
}

export function vehicleItems(vehicles: readonly Vehicle[]): ShownItem[] {
  return vehicles.map((vehicle) => ({
    kind: 'vehicle',
    id: vehicle.id,
    label: vehicleLabel(vehicle),
    plate: vehicle.plate,
    vin: vehicle.vin,
  }))
}

/**
 * The user's vehicle a request is about: the one already chosen, the only one, the one the
 * message names (plate, VIN, name, "drugo"), or a question listing them. "Moje vozilo" with
 * several vehicles is a question too.
 */
export function pickVehicle(scope: TurnScope): VehiclePick {
  const { user, state } = scope
  const chosen = state.slots.vehicleId
  if (typeof chosen === 'string') {
    const vehicle = user.vehicles.find((candidate) => candidate.id === chosen)
    if (vehicle) return { status: 'picked', vehicle }
  }
  if (user.vehicles.length === 0) return { status: 'none', reply: { text: commonTexts.noVehicle() } }
  if (user.vehicles.length === 1) return { status: 'picked', vehicle: user.vehicles[0] }
  const items = vehicleItems(user.vehicles)
  const match = resolveReference(scope.text, items, scope.inbound.replyId)
  if (match.status === 'matched' && match.by !== 'ordinal') {
    return { status: 'picked', vehicle: user.vehicles[match.index] }
  }
  moveToAwaitingSelection(state, items, 'vehicleId')
  return {
    status: 'asked',
    reply: buildChoiceReply(
      commonTexts.whichVehicle(),
      user.vehicles.slice(0, 10).map((vehicle) => ({
        title: vehicle.name,
        // No mileage here: the question must not answer itself.
        description: vehicle.plate,
      })),
      user.vehicles.length,
    ),
  }
}
