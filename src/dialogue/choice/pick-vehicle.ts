import type { Reply } from '../../ports/messages.ts'
import type { Vehicle } from '../../ports/user-context.ts'
import type { ShownItem } from '../../store/conversation-state.ts'
import { moveToIdle } from '../dialogue-state.ts'
import { commonTexts } from '../texts/common-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { narrowChoice, offerChoice } from './offer-choice.ts'
import { isFollowUp, rememberVehicle } from './recent-context.ts'
import { resolveChoice } from './resolve-choice.ts'

export type VehiclePick =
  | { status: 'picked'; vehicle: Vehicle }
  | { status: 'asked'; reply: Reply }
  | { status: 'none'; reply: Reply }
  /** The message names a plate, VIN or vehicle name that is not one of the user's vehicles. */
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

/** No mileage here: the question must not answer itself. */
function vehicleRows(vehicles: readonly Vehicle[]) {
  return vehicles.map((vehicle) => ({ title: vehicle.name, description: vehicle.plate }))
}

function picked(scope: TurnScope, vehicle: Vehicle): VehiclePick {
  rememberVehicle(scope, vehicle.id)
  return { status: 'picked', vehicle }
}

/**
 * The user's vehicle a request is about: the one already chosen, the one the message names
 * (plate, VIN, name with its inflections, typos and nicknames), the only one, the one the last
 * answer was about when this is a follow-up ("a tablice?"), or a question listing them. A
 * plate, VIN or vehicle name that none of the user's vehicles has is refused, never replaced
 * by the user's own car. An ordinal ("drugo vozilo") is no reference before a list was shown.
 * `foreignNames: false` where the text describes other cars (a damage report).
 */
export function pickVehicle(scope: TurnScope, options: { foreignNames?: boolean } = {}): VehiclePick {
  const { user, state } = scope
  const chosen = state.slots.vehicleId
  if (typeof chosen === 'string') {
    const vehicle = user.vehicles.find((candidate) => candidate.id === chosen)
    if (vehicle) return picked(scope, vehicle)
  }
  if (user.vehicles.length === 0) return { status: 'none', reply: { text: commonTexts.noVehicle() } }
  const items = vehicleItems(user.vehicles)
  const named = resolveChoice({ text: scope.text, now: scope.now }, items)
  if (named.kind === 'missing') {
    // A damage report may name the other car ("udario me golf"): there only plates and VINs count.
    const names = options.foreignNames ?? true
    const foreign = named.said.find(
      (said) => said.kind === 'plate' || said.kind === 'vin' || (names && said.kind === 'name'),
    )
    if (foreign && 'text' in foreign) {
      const named =
        foreign.kind === 'name' ? foreign.text.charAt(0).toUpperCase() + foreign.text.slice(1) : foreign.text
      // Said plainly, nothing done; the user's own vehicles are offered in passing for "ma ne,
      // mislio sam na svoj" (anything else is read as a new message).
      const reply = offerChoice(state, {
        question: commonTexts.notYourVehicle(named),
        items,
        asking: 'vehicleId',
        rows: vehicleRows(user.vehicles),
        soft: true,
      })
      return { status: 'not-yours', reply }
    }
  }
  if (user.vehicles.length === 1) return picked(scope, user.vehicles[0]!)
  if (named.kind === 'picked' && named.by !== 'position' && named.by !== 'any')
    return picked(scope, user.vehicles[named.index]!)
  const recent = isFollowUp(scope) ? scope.state.recent?.vehicleId : undefined
  const last = recent ? user.vehicles.find((vehicle) => vehicle.id === recent) : undefined
  if (last) return picked(scope, last)
  const reply = offerChoice(state, {
    question: commonTexts.whichVehicle(),
    items,
    asking: 'vehicleId',
    rows: vehicleRows(user.vehicles),
  })
  if (named.kind === 'several') return { status: 'asked', reply: narrowChoice(state, named.indexes) }
  return { status: 'asked', reply }
}

/**
 * `pickVehicle` for flows that cannot go on without a vehicle: the vehicle, or the replies that
 * end this turn (a question, or someone else's vehicle with the user's own offered, keeps the
 * flow waiting; no vehicle ends it).
 */
export function requireVehicle(
  scope: TurnScope,
): { vehicle: Vehicle } | { replies: Reply[]; notYours: boolean } {
  const pick = pickVehicle(scope)
  if (pick.status === 'picked') return { vehicle: pick.vehicle }
  if (pick.status === 'none') moveToIdle(scope.state, scope.now.getTime())
  return { replies: [pick.reply], notYours: pick.status === 'not-yours' }
}
