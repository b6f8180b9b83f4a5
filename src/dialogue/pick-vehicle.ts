import type { Reply } from '../ports/messages.ts'
import type { Vehicle } from '../ports/user-context.ts'
import type { ShownItem } from '../store/conversation-state.ts'
import { extractPlates } from '../understanding/entities/extract-plates.ts'
import { extractVins } from '../understanding/entities/extract-vins.ts'
import { buildChoiceReply } from './choice-reply.ts'
import { moveToAwaitingSelection, moveToIdle } from './dialogue-state.ts'
import { resolveReference } from './resolve-reference.ts'
import { commonTexts } from './texts/common-texts.ts'
import type { TurnScope } from './turn-scope.ts'

export type VehiclePick =
  | { status: 'picked'; vehicle: Vehicle }
  | { status: 'asked'; reply: Reply }
  | { status: 'none'; reply: Reply }
  /** The message names a plate or VIN that is not one of the user's vehicles. */
  | { status: 'not-yours'; reply: Reply }

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
 * A plate or VIN the message names that none of the user's vehicles has. Only full plates and
 * VINs count: they name one vehicle beyond doubt, while a bare "1234" may be anything.
 */
function foreignVehicleReference(scope: TurnScope, items: readonly ShownItem[]): string | undefined {
  const plates = extractPlates(scope.text.original)
  const vins = extractVins(scope.text.original)
  if (plates.length === 0 && vins.length === 0) return undefined
  const match = resolveReference(scope.text, items)
  if (match.status === 'matched' && match.by === 'exact') return undefined
  return plates[0]?.plate ?? vins[0]
}

/**
 * The user's vehicle a request is about: the one already chosen, the one the message names
 * (plate, VIN, name, "drugo"), the only one, or a question listing them. "Moje vozilo" with
 * several vehicles is a question too. A plate or VIN of someone else's vehicle is refused,
 * never replaced by the user's own car.
 */
export function pickVehicle(scope: TurnScope): VehiclePick {
  const { user, state } = scope
  const chosen = state.slots.vehicleId
  if (typeof chosen === 'string') {
    const vehicle = user.vehicles.find((candidate) => candidate.id === chosen)
    if (vehicle) return { status: 'picked', vehicle }
  }
  if (user.vehicles.length === 0) return { status: 'none', reply: { text: commonTexts.noVehicle() } }
  const items = vehicleItems(user.vehicles)
  const foreign = foreignVehicleReference(scope, items)
  if (foreign) {
    const own = items.map((item) => item.label)
    return { status: 'not-yours', reply: { text: commonTexts.notYourVehicle(foreign, own) } }
  }
  if (user.vehicles.length === 1) return { status: 'picked', vehicle: user.vehicles[0] }
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

/**
 * `pickVehicle` for flows that cannot go on without a vehicle: the vehicle, or the replies that
 * end this turn (a question keeps the flow waiting; no vehicle or someone else's ends it).
 */
export function requireVehicle(scope: TurnScope): { vehicle: Vehicle } | { replies: Reply[] } {
  const pick = pickVehicle(scope)
  if (pick.status === 'picked') return { vehicle: pick.vehicle }
  if (pick.status !== 'asked') moveToIdle(scope.state, scope.now.getTime())
  return { replies: [pick.reply] }
}
