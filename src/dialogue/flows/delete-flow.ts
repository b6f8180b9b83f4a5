import type { Reply } from '../../ports/messages.ts'
import type { FlowName } from '../../store/conversation-state.ts'
import type { WriteConfirmRule } from '../answers/read-write-answer.ts'
import { describeMissing } from '../choice/describe-missing.ts'
import { narrowChoice, offerChoice } from '../choice/offer-choice.ts'
import { resolveChoice } from '../choice/resolve-choice.ts'
import { isDeleteRequestWord } from '../detect-intent.ts'
import { moveToAwaitingConfirmation, moveToIdle } from '../dialogue-state.ts'
import type { Flow } from '../flow.ts'
import { commonTexts, confirmButtons } from '../texts/common-texts.ts'
import { deleteTexts } from '../texts/write-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { guardedWrite } from './guarded-write.ts'
import { inStatedOrder, listPersonal, toShownItem } from './personal-items.ts'
import { refusedWrite } from './refused-write.ts'

type DeletableKind = 'booking' | 'case' | 'trip'

const TOOL: Readonly<Record<DeletableKind, string>> = {
  booking: 'delete_VehicleCalendar_id',
  case: 'delete_Cases_id',
  trip: 'delete_Trips_id',
}
/**
 * Cancel a booking / delete a case or trip: only the user's own items are listed, one is
 * chosen, "Jeste li sigurni?", and ownership is checked again before the delete.
 */
function createDeleteFlow(name: FlowName, kind: DeletableKind): Flow {
  return {
    name,
    absorb() {
      return false
    },

    async advance(scope: TurnScope): Promise<Reply[]> {
      const state = scope.state
      const { personId } = scope.user
      const chosen = state.shown.find((item) => item.id === state.slots.itemId)
      if (chosen) {
        // The policy reads the record and checks it is the user's before "Jeste li sigurni?".
        const refused = await refusedWrite(scope, { kind: 'delete', record: kind, id: chosen.id })
        if (refused) {
          moveToIdle(state, scope.now.getTime())
          return [refused === 'not-found' ? { text: commonTexts.notYours() } : refused]
        }
        const text = deleteTexts.sure[kind](chosen.label)
        moveToAwaitingConfirmation(state, { tool: TOOL[kind], summary: text })
        return [{ text, buttons: confirmButtons }]
      }
      const list = await listPersonal(scope, kind)
      // Only bookings that have not ended can be cancelled; the list says its order.
      const items = inStatedOrder(kind, list.items, scope.now, { upcomingOnly: true }).map((item) =>
        toShownItem(kind, item, personId),
      )
      if (items.length === 0) {
        moveToIdle(state, scope.now.getTime())
        return [{ text: deleteTexts.none[kind] }]
      }
      const question = deleteTexts.choose[kind]
      if (state.slots.opened === true) return [offerChoice(state, { question, items, asking: 'itemId' })]
      state.slots.opened = true
      // The opening request may name the item: its date, plate, number or name must all hold,
      // and one that matches nothing is said, never replaced by "prva" = item 1.
      const named = resolveChoice(
        { text: scope.text, now: scope.now, strict: true, isRequestWord: isDeleteRequestWord },
        items,
      )
      if (named.kind === 'picked') {
        state.shown = items
        state.slots.itemId = named.item.id
        return this.advance(scope)
      }
      const reply = offerChoice(state, { question, items, asking: 'itemId' })
      if (named.kind === 'several') return [narrowChoice(state, named.indexes)]
      if (named.kind !== 'missing') return [reply]
      const missing = describeMissing(named.said, items, { listFollows: true })
      return [{ ...reply, text: `${missing}\n\n${reply.text}` }]
    },

    confirmRule(scope: TurnScope): WriteConfirmRule {
      const item = scope.state.shown.find((candidate) => candidate.id === scope.state.slots.itemId)
      // Deleting cannot be undone: never by emoji.
      return { question: deleteTexts.plainQuestion[kind](item?.label ?? '') }
    },

    async execute(scope: TurnScope): Promise<Reply[]> {
      const state = scope.state
      const item = state.shown.find((candidate) => candidate.id === state.slots.itemId)
      // Second check on our side: the item must be the user's own.
      if (!item || item.ownerId !== scope.user.personId) {
        moveToIdle(state, scope.now.getTime())
        return [{ text: commonTexts.notYours() }]
      }
      const { fleet } = scope
      const options = { tenantId: scope.user.tenantId }
      const outcome = await guardedWrite(scope, {
        tool: TOOL[kind],
        args: { id: item.id },
        send: () =>
          kind === 'booking'
            ? fleet.deleteBooking(item.id, options)
            : kind === 'case'
              ? fleet.deleteCase(item.id, options)
              : fleet.deleteTrip(item.id, options),
        readBack: async () => {
          const list = await listPersonal(scope, kind)
          return !list.items.some((record) => String(record.Id) === item.id)
        },
      })
      moveToIdle(state, scope.now.getTime())
      if (outcome.status === 'already-done') return [{ text: commonTexts.writeArrivedLate() }]
      return [{ text: deleteTexts.done[kind] }]
    },
  }
}

export const cancelBookingFlow = createDeleteFlow('cancel-booking', 'booking')
export const deleteCaseFlow = createDeleteFlow('delete-case', 'case')
export const deleteTripFlow = createDeleteFlow('delete-trip', 'trip')
