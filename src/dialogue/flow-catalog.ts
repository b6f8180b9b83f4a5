import type { FlowName } from '../store/conversation-state.ts'
import type { WriteIntent } from './detect-intent.ts'
import type { Flow } from './flow.ts'
import { bookingFlow } from './flows/booking-flow.ts'
import { caseFlow } from './flows/case-flow.ts'
import { cancelBookingFlow, deleteCaseFlow, deleteTripFlow } from './flows/delete-flow.ts'
import { genericReadFlow, genericWriteFlow } from './flows/generic-tool-flow.ts'
import { mileageFlow } from './flows/mileage-flow.ts'
import { readFlow } from './flows/read-flow.ts'

/** Every flow by name: the engine looks a state's flow up here once per turn. */
export const FLOWS: ReadonlyMap<FlowName, Flow> = new Map<FlowName, Flow>([
  ['read', readFlow],
  ['booking', bookingFlow],
  ['mileage', mileageFlow],
  ['case', caseFlow],
  ['cancel-booking', cancelBookingFlow],
  ['delete-case', deleteCaseFlow],
  ['delete-trip', deleteTripFlow],
  ['generic-read', genericReadFlow],
  ['generic-write', genericWriteFlow],
  // Waits for a pick among the model's candidate intents; the engine starts the chosen one.
  ['clarify', { name: 'clarify', absorb: () => false, advance: async () => [], execute: async () => [] }],
])

export const FLOW_OF_WRITE: Readonly<Record<WriteIntent, FlowName>> = {
  booking: 'booking',
  mileage: 'mileage',
  case: 'case',
  'cancel-booking': 'cancel-booking',
  'delete-case': 'delete-case',
  'delete-trip': 'delete-trip',
}
