import { AccessDeniedError, FleetNotFoundError } from '../../fleet/fleet-errors.ts'
import type { PlannedWrite } from '../../ports/access-policy.ts'
import type { Reply } from '../../ports/messages.ts'
import { commonTexts } from '../texts/common-texts.ts'
import { confirmTexts } from '../texts/confirm-texts.ts'
import { FLEET_ERROR_TEXTS } from '../texts/error-texts.ts'
import type { TurnScope } from '../turn-scope.ts'

/**
 * The access policy's checks of a write, run before its confirmation is shown (and run again by
 * the call itself after "Da"). Undefined when the write may go ahead; 'not-found' when its
 * target is not the user's (or, for a booking, the car is not free then: the flow offers
 * others); otherwise the refusal to send. Other failures (the API is down) propagate.
 */
export async function refusedWrite(
  scope: TurnScope,
  write: PlannedWrite,
): Promise<'not-found' | Reply | undefined> {
  try {
    await scope.fleet.checkWrite(write, { tenantId: scope.user.tenantId })
    return undefined
  } catch (error) {
    if (error instanceof FleetNotFoundError) {
      if (write.kind === 'booking') return 'not-found'
      return { text: write.kind === 'mileage' ? confirmTexts.refusedVehicle() : commonTexts.notYours() }
    }
    if (error instanceof AccessDeniedError)
      return {
        text: write.kind === 'case' ? confirmTexts.refusedReport() : FLEET_ERROR_TEXTS.M1_ERR_ACCESS_DENIED,
      }
    throw error
  }
}
