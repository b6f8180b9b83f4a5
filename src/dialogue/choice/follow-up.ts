import { formatKilometers, formatMoney } from '../../format/index.ts'
import type { Reply } from '../../ports/messages.ts'
import type { RecentContext } from '../../store/conversation-state.ts'
import { phraseLengthAt } from '../../understanding/entities/phrase-set.ts'
import { asksForField } from '../flows/focus-read.ts'
import { choiceTexts } from '../texts/choice-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { CHOICE_WORDS } from './choice-words.ts'
import { vehicleItems } from './pick-vehicle.ts'
import { opensAsFollowUp, recentOf } from './recent-context.ts'
import { resolveChoice } from './resolve-choice.ts'

/** Starts the read `read` for one of the user's vehicles (or asks which, without `vehicleId`). */
export type StartRead = (scope: TurnScope, read: string, vehicleId: string | undefined) => Promise<Reply[]>

/**
 * A message that only makes sense after the last answer, answered from it: "koliko je to
 * ukupno" after a list (the sum of its amounts or distances, or its count), "a za drugo
 * vozilo?" or "a za passat?" after a vehicle answer (the same question for that vehicle).
 * Undefined when the message is not such a follow-up.
 */
export async function answerFollowUp(scope: TurnScope, startRead: StartRead): Promise<Reply[] | undefined> {
  const recent = recentOf(scope)
  if (!recent) return undefined
  const tokens = scope.text.tokens
  if (recent.list && containsAt(tokens, CHOICE_WORDS.total)) return [{ text: totalText(recent.list) }]
  const opener = opensAsFollowUp(tokens)
  if (opener === 0 || !recent.read) return undefined
  const { vehicles } = scope.user
  if (containsAt(tokens, CHOICE_WORDS.otherVehicle)) {
    if (vehicles.length < 2) return [{ text: choiceTexts.noOtherVehicle() }]
    const others = vehicles.filter((vehicle) => vehicle.id !== recent.vehicleId)
    return startRead(scope, recent.read, others.length === 1 ? others[0]!.id : undefined)
  }
  // "a za passat?": only a vehicle named after the opener, nothing else asked.
  const named = resolveChoice({ text: scope.text, now: scope.now }, vehicleItems(vehicles))
  if (named.kind === 'picked' && !named.loose && (named.by === 'name' || named.by === 'plate'))
    return startRead(scope, recent.read, named.item.id)
  return undefined
}

/**
 * "a kad je to zadnje upisano?" right after a vehicle answer, when nothing else in it is
 * understood: a question about that answer, answered by it again (it carries its dates).
 */
export async function answerBackReference(
  scope: TurnScope,
  startRead: StartRead,
): Promise<Reply[] | undefined> {
  const recent = recentOf(scope)
  const tokens = scope.text.tokens
  if (!recent?.read || opensAsFollowUp(tokens) === 0) return undefined
  if (!tokens.some((token) => CHOICE_WORDS.backReference.has(token))) return undefined
  return startRead(scope, recent.read, recent.vehicleId)
}

/**
 * A message the model is not sure of that names a line of the vehicle answer just given ("kolka
 * mi je rata?" after the leasing answer): that answer again, narrowed to the line.
 */
export async function answerLineFollowUp(
  scope: TurnScope,
  startRead: StartRead,
): Promise<Reply[] | undefined> {
  const recent = recentOf(scope)
  if (!recent?.read || !recent.fields || !asksForField(recent.fields, scope.text)) return undefined
  return startRead(scope, recent.read, recent.vehicleId)
}

function containsAt(tokens: readonly string[], set: typeof CHOICE_WORDS.total): boolean {
  for (let index = 0; index < tokens.length; index++) if (phraseLengthAt(tokens, index, set) > 0) return true
  return false
}

function totalText(list: NonNullable<RecentContext['list']>): string {
  if (list.unit === 'money' && list.sum !== undefined)
    return choiceTexts.totalMoney(formatMoney(list.sum), list.count, list.total)
  if (list.unit === 'km' && list.sum !== undefined)
    return choiceTexts.totalDistance(formatKilometers(list.sum), list.count, list.total)
  return choiceTexts.totalCount(list.kind, list.total)
}
