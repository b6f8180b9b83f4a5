import { FleetError, isFleetError } from '../../fleet/fleet-errors.ts'
import type { TurnScope } from '../turn-scope.ts'

/** Slot set while a write's outcome is unknown: the next attempt reads back before sending. */
const ATTEMPTED_SLOT = 'writeAttempted'

/** A write was sent, no answer came, and reading back could not tell whether it happened. */
export class WriteOutcomeUnknownError extends Error {
  override name = 'WriteOutcomeUnknownError'
}

/** Sent and then lost (timeout, dropped connection, 5xx): MobilityOne may have done it anyway. */
function mayHaveHappened(error: unknown): boolean {
  return isFleetError(error) && error.sent && error.retryable && error.code !== 'M1_ERR_FLEET_RATE_LIMITED'
}

/**
 * Before a retry of a write whose first answer was lost: true when the first request did land
 * after all. When it did not, the flag is cleared (sending again is safe now).
 */
export async function landedEarlier(scope: TurnScope, readBack?: () => Promise<boolean>): Promise<boolean> {
  const slots = scope.state.slots
  if (slots[ATTEMPTED_SLOT] !== true) return false
  if (!readBack) throw new WriteOutcomeUnknownError('no read-back for a write that may have happened')
  const found = await readBack()
  delete slots[ATTEMPTED_SLOT]
  return found
}

export type GuardedWrite<T> = { status: 'done'; result: T } | { status: 'already-done' }

/**
 * Runs a confirmed write so that it is never repeated blindly: when the call may have reached
 * MobilityOne without an answer, the record is read back (matched by what was sent) before a
 * retry is offered, and again before the retry is sent, because the first request can complete
 * after we gave up on it. Without a way to read back, the user is told the outcome is unknown.
 */
export async function guardedWrite<T>(
  scope: TurnScope,
  write: {
    tool: string
    args: Record<string, unknown>
    send: () => Promise<T>
    /** True when the record the write would create or remove is already as asked. */
    readBack?: () => Promise<boolean>
  },
): Promise<GuardedWrite<T>> {
  const slots = scope.state.slots
  if (await landedEarlier(scope, write.readBack)) return { status: 'already-done' }
  try {
    const result = await scope.tools.call(write.tool, write.args, write.send)
    return { status: 'done', result }
  } catch (error) {
    if (!mayHaveHappened(error)) throw error
    slots[ATTEMPTED_SLOT] = true
    if (!write.readBack) throw new WriteOutcomeUnknownError('write may have happened', { cause: error })
    let found: boolean
    try {
      found = await write.readBack()
    } catch (readError) {
      throw new WriteOutcomeUnknownError('read-back failed', { cause: readError })
    }
    if (found) {
      delete slots[ATTEMPTED_SLOT]
      return { status: 'already-done' }
    }
    // Not there (yet): the engine offers a retry, and the retry reads back first.
    throw error instanceof FleetError ? error : new WriteOutcomeUnknownError(String(error))
  }
}
