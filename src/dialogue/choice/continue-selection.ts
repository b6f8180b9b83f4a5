import type { Reply } from '../../ports/messages.ts'
import type { ConversationState } from '../../store/conversation-state.ts'
import { detectConfirmation } from '../../understanding/entities/detect-confirmation.ts'
import { moveToIdle } from '../dialogue-state.ts'
import type { Flow } from '../flow.ts'
import { choiceTexts } from '../texts/choice-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { describeMissing } from './describe-missing.ts'
import { countMiss, isSoftChoice, narrowChoice, nextPage, visibleCount } from './offer-choice.ts'
import { type ChoiceResolution, type PickedBy, resolveChoice } from './resolve-choice.ts'

export interface InterruptionOptions {
  /** Only another request interrupts (a read or a task), not small talk: "može drugi, hvala" is a pick. */
  requestsOnly?: boolean
}

export interface SelectionHooks {
  /**
   * The message read like a fresh one: another request started or a question answered (the list
   * resumed), or undefined when it is neither.
   */
  interruption(scope: TurnScope, flow: Flow, options?: InterruptionOptions): Promise<Reply[] | undefined>
  /** A pick from the clarification buttons starts that intent. */
  clarified(scope: TurnScope, intent: string): Promise<Reply[]>
  /** The message read as a fresh one, the list dropped (a menu or clarification the user did not answer). */
  fresh(scope: TurnScope): Promise<Reply[]>
}

/**
 * The answer to a list (awaiting-selection), for every picker: a pick goes into the flow's slot;
 * several matches are asked again showing only those; "još" shows the next page; "ne" leaves;
 * a value that matches nothing is said plainly; anything else is read as a new request or a
 * question before it counts as a miss. Misses alternate between two short lines, so the same
 * rejection is never sent twice in a row and the list is not repeated.
 */
export async function continueSelection(
  scope: TurnScope,
  flow: Flow,
  hooks: SelectionHooks,
): Promise<Reply[]> {
  const { state } = scope
  const result = resolveOnce(scope)
  // A menu or a clarification is no task of its own: anything but a plain pick is a new message
  // ("prosječna mjesečna kilometraža flote" names a menu item only in passing).
  const loose = (result.kind === 'picked' || result.kind === 'several') && result.loose
  const passing = state.flow === 'clarify' || isSoftChoice(state)
  if (passing && (result.kind === 'none' || result.kind === 'missing' || loose)) return hooks.fresh(scope)
  switch (result.kind) {
    case 'picked': {
      // A sentence that picks only by a weak cue (an ordinal, a name, "bilo koji") may be another
      // request: "aj prvo mi reci koliko imam km", a new fault described with a listed case's word.
      // A plate, a shown number, a date or a tap is a pick whatever else was written.
      if (result.loose && WEAK_PICKS.has(result.by)) {
        const other = await hooks.interruption(scope, flow, { requestsOnly: true })
        if (other) return other
      }
      if (state.flow === 'clarify') return hooks.clarified(scope, result.item.id)
      const asking = String(state.slots.asking ?? 'itemId')
      state.slots[asking] = result.item.id
      state.slots[`${asking}Label`] = result.item.label
      state.state = 'collecting-slots'
      return flow.advance(scope)
    }
    case 'several': {
      // "zapravo prijavi kvar, ne radi mi klima u octaviji" names two listed Octavias in passing.
      if (result.loose) {
        const other = await hooks.interruption(scope, flow, { requestsOnly: true })
        if (other) return other
      }
      return [narrowChoice(state, result.indexes)]
    }
    case 'more':
      return [nextPage(state)]
    case 'leave': {
      const left = state.flow
      moveToIdle(state, scope.now.getTime())
      return [{ text: choiceTexts.left(left) }]
    }
    case 'missing': {
      const other = await hooks.interruption(scope, flow)
      if (other) return other
      return [miss(state, describeMissing(result.said, state.shown))]
    }
    case 'none': {
      // "da" to a list of several says nothing about which: asked again, not small talk.
      if (detectConfirmation(scope.text)?.answer === 'yes') return [miss(state)]
      // "ipak u petak", "od 7 do 15 zapravo" while choosing a car: the period changes and cars are
      // offered again. An edit of the waiting flow comes before any reading as another request.
      if (flow.absorb(scope, 'edit')) {
        const asking = String(state.slots.asking ?? 'itemId')
        delete state.slots[asking]
        delete state.slots[`${asking}Label`]
        return flow.advance(scope)
      }
      return (await hooks.interruption(scope, flow)) ?? [miss(state)]
    }
  }
}

/** Picks that a sentence about something else can contain by accident. */
const WEAK_PICKS: ReadonlySet<PickedBy> = new Set(['position', 'name', 'any'])

// One resolution per turn, whichever step asks first (see answersList).
const resolved = new WeakMap<TurnScope, ChoiceResolution>()

function resolveOnce(scope: TurnScope): ChoiceResolution {
  let result = resolved.get(scope)
  if (!result) {
    const { state } = scope
    result = resolveChoice(
      { text: scope.text, now: scope.now, replyId: scope.inbound.replyId, visible: visibleCount(state) },
      state.shown,
    )
    resolved.set(scope, result)
  }
  return result
}

/**
 * Whether a message answers the list the user is picking from ("prvi", "ne hvala", "još"):
 * then it is not small talk, whatever else it may look like.
 */
export function answersList(scope: TurnScope): boolean {
  if (scope.state.state !== 'awaiting-selection') return false
  const kind = resolveOnce(scope).kind
  return kind === 'picked' || kind === 'several' || kind === 'more' || kind === 'leave'
}

/** A miss: what works (or what was missing), then on the next one the way out; never the list again. */
function miss(state: ConversationState, lead?: string): Reply {
  const count = state.shown.length
  const odd = countMiss(state) % 2 === 1
  if (lead) return { text: `${lead} ${odd ? choiceTexts.pickFromList(count) : choiceTexts.wayOut()}` }
  return { text: odd ? choiceTexts.notRecognised(count) : choiceTexts.wayOut() }
}
