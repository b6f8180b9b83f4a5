import { placeholderTurnHandler } from '../pipeline/placeholder-turn-handler.ts'
import type { TurnHandler } from '../ports/turn-handler.ts'
import type { Adapters } from './create-adapters.ts'

/** Chooses what answers a turn. The dialogue engine plugs in here. */
export async function createTurnHandler(_adapters: Adapters): Promise<TurnHandler> {
  return placeholderTurnHandler
}
