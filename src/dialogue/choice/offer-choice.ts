import { MAX_LIST_ITEMS } from '../../format/index.ts'
import type { Reply } from '../../ports/messages.ts'
import type { ConversationState, ShownItem } from '../../store/conversation-state.ts'
import { moveToAwaitingSelection } from '../dialogue-state.ts'
import { choiceTexts } from '../texts/choice-texts.ts'
import { buildChoiceReply, type Choice } from './choice-reply.ts'

/** Items kept for a list the user picks from: ten a page, the rest behind "još". */
export const MAX_CHOICE_ITEMS = 30
const CHOICE_SLOT = 'choice'

/** The list the user is picking from, beside `state.shown` (same order). */
interface ChoiceState {
  question: string
  rows: Choice[]
  /** First item of the page shown last. */
  start: number
  /** Unrecognised answers in a row (the reply alternates, never the same twice). */
  misses: number
  /** Offered in passing, not asked: anything but a pick is read as a new message. */
  soft?: boolean
}

export interface ChoiceOffer {
  /** The question; a list with an order says it ("… (od najbliže)"). */
  question: string
  items: readonly ShownItem[]
  /** Slot the picked item's id goes into (its label into `<asking>Label`). */
  asking: string
  /** Row per item; the item's label by default. */
  rows?: readonly Choice[]
  /** Offered in passing (the user's own vehicles after a refusal): anything but a pick is a new message. */
  soft?: boolean
}

function choiceOf(state: ConversationState): ChoiceState | undefined {
  const choice = state.slots[CHOICE_SLOT] as ChoiceState | undefined
  return choice && Array.isArray(choice.rows) ? choice : undefined
}

/** Whether the list waiting was offered in passing (see ChoiceOffer.soft). */
export function isSoftChoice(state: ConversationState): boolean {
  return choiceOf(state)?.soft === true
}

/** Waits for a pick from `items` and returns the first page. */
export function offerChoice(state: ConversationState, offer: ChoiceOffer): Reply {
  const items = offer.items.slice(0, MAX_CHOICE_ITEMS)
  const rows = (offer.rows ?? items.map((item) => ({ title: item.label }))).slice(0, items.length)
  moveToAwaitingSelection(state, items, offer.asking)
  const choice: ChoiceState = { question: offer.question, rows, start: 0, misses: 0 }
  if (offer.soft) choice.soft = true
  state.slots[CHOICE_SLOT] = choice
  return pageReply(state)
}

function pageReply(state: ConversationState, question?: string): Reply {
  const choice = choiceOf(state)
  if (!choice) return { text: question ?? '' }
  const page = choice.rows.slice(choice.start, choice.start + MAX_LIST_ITEMS)
  return buildChoiceReply(question ?? choice.question, page, choice.rows.length, choice.start)
}

/** "pokaži još": the next page, numbered on from the last one. */
export function nextPage(state: ConversationState): Reply {
  const choice = choiceOf(state)
  if (!choice) return { text: choiceTexts.noMore() }
  if (choice.start + MAX_LIST_ITEMS >= choice.rows.length)
    return { text: `${choiceTexts.noMore()} ${choiceTexts.pickFromList(choice.rows.length)}` }
  choice.start += MAX_LIST_ITEMS
  choice.misses = 0
  return pageReply(state)
}

/** Several items fit: only those are offered, numbered anew. */
export function narrowChoice(state: ConversationState, indexes: readonly number[]): Reply {
  const choice = choiceOf(state)
  const shown = state.shown
  const rows = choice?.rows ?? shown.map((item) => ({ title: item.label }))
  state.shown = indexes.map((index) => shown[index]!)
  state.slots[CHOICE_SLOT] = {
    question: choiceTexts.several(),
    rows: indexes.map((index) => rows[index] ?? { title: shown[index]!.label }),
    start: 0,
    misses: 0,
  } satisfies ChoiceState
  return pageReply(state)
}

/** How many items the user has seen: "zadnju" is the last of them. */
export function visibleCount(state: ConversationState): number {
  const choice = choiceOf(state)
  return choice ? Math.min(state.shown.length, choice.start + MAX_LIST_ITEMS) : state.shown.length
}

/** The short line that brings the user back to the list after an aside (never the list in full). */
export function resumeChoiceLine(state: ConversationState): string | undefined {
  const choice = choiceOf(state)
  return choice ? choiceTexts.resumeChoice(choice.question, state.shown.length) : undefined
}

/** Counts an unrecognised answer and returns how many came in a row. */
export function countMiss(state: ConversationState): number {
  const choice = choiceOf(state)
  if (!choice) return 1
  choice.misses += 1
  return choice.misses
}
