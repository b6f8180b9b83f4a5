import type { RecentContext } from '../../store/conversation-state.ts'
import { phraseLengthAt } from '../../understanding/entities/phrase-set.ts'
import type { TurnScope } from '../turn-scope.ts'
import { CHOICE_WORDS } from './choice-words.ts'

/** A follow-up refers to the last answer only this soon after it. */
export const FOLLOW_UP_MS = 15 * 60_000
/** A message this short after an answer is read as a follow-up even without "a …". */
const SHORT_FOLLOW_UP_TOKENS = 3

export function recentOf(scope: TurnScope): RecentContext | undefined {
  const recent = scope.state.recent
  return recent && scope.now.getTime() - recent.at <= FOLLOW_UP_MS ? recent : undefined
}

export function opensAsFollowUp(tokens: readonly string[]): number {
  return tokens.length > 0 ? phraseLengthAt(tokens, 0, CHOICE_WORDS.followUpOpeners) : 0
}

/** "a tablice?", "i registracija?", or a few words right after an answer: it continues that answer. */
export function isFollowUp(scope: TurnScope): boolean {
  if (!recentOf(scope)) return false
  const tokens = scope.text.tokens
  return opensAsFollowUp(tokens) > 0 || tokens.length <= SHORT_FOLLOW_UP_TOKENS
}

function remember(scope: TurnScope, update: Omit<RecentContext, 'at'>): void {
  scope.state.recent = { ...scope.state.recent, ...update, at: scope.now.getTime() }
}

/** The vehicle an answer was about. */
export function rememberVehicle(scope: TurnScope, vehicleId: string): void {
  remember(scope, { vehicleId })
}

/** The vehicle read that was answered (for "a za drugo vozilo?"). */
export function rememberRead(scope: TurnScope, read: string, vehicleId: string, fields: string[] = []): void {
  remember(scope, { read, vehicleId, fields })
}

/** The list that was shown (for "koliko je to ukupno"). */
export function rememberList(scope: TurnScope, list: NonNullable<RecentContext['list']>): void {
  remember(scope, { list })
}
