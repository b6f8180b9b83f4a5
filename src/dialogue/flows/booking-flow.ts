import { formatKilometers, formatPeriod } from '../../format/index.ts'
import type { AvailableVehicle } from '../../ports/fleet-api.ts'
import type { Reply } from '../../ports/messages.ts'
import type { ShownItem } from '../../store/conversation-state.ts'
import {
  type BookingPeriodCheck,
  checkBookingPeriod,
} from '../../understanding/entities/check-booking-period.ts'
import { extractLabeledValue } from '../../understanding/entities/extract-labeled-value.ts'
import { extractPlates } from '../../understanding/entities/extract-plates.ts'
import { mergePeriod } from '../../understanding/entities/merge-period.ts'
import { normalizeText } from '../../understanding/entities/normalize-text.ts'
import { parsePeriod } from '../../understanding/entities/parse-period.ts'
import type { ParsedPeriod, PeriodPart, PeriodParts } from '../../understanding/entities/period.ts'
import { containsPhrase } from '../../understanding/entities/phrase-set.ts'
import { isQuestion, readSlotMessage } from '../answers/read-slot-edit.ts'
import type { WriteConfirmRule } from '../answers/read-write-answer.ts'
import { CHOICE_WORDS } from '../choice/choice-words.ts'
import { describeMissing } from '../choice/describe-missing.ts'
import { namesVehicle } from '../choice/match-names.ts'
import { narrowChoice, offerChoice } from '../choice/offer-choice.ts'
import { vehicleLabel } from '../choice/pick-vehicle.ts'
import { resolveChoice } from '../choice/resolve-choice.ts'
import { moveToAwaitingConfirmation, moveToCollectingSlots, moveToIdle } from '../dialogue-state.ts'
import type { AbsorbPhase, Flow } from '../flow.ts'
import { bookingTexts } from '../texts/booking-texts.ts'
import { commonTexts, confirmButtons } from '../texts/common-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { guardedWrite, landedEarlier } from './guarded-write.ts'
import { refusedWrite } from './refused-write.ts'

// Answers to "Od koliko sati?" etc. are read with the missing part's preposition in front,
// so a bare "16" or "srijede" lands in the right part.
const ANSWER_PREFIX: Readonly<Record<PeriodPart, string>> = {
  'start-date': '',
  'start-time': 'od ',
  'end-date': 'do ',
  'end-time': 'do ',
}
const BARE_HOUR = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(?:h|sati|sat)?\s*$/i

const RECENT_PAST_MS = 60 * 24 * 60 * 60_000

/**
 * "5.3." said on 9 March means this year's (past, so refused), not next year's; only a
 * yearless date long gone rolls over to next year.
 */
function parseBookingPeriod(input: string, now: Date): ParsedPeriod | undefined {
  const thisYear = parsePeriod(input, { now, yearlessDates: 'current-year' })
  const start = thisYear?.startDate ? Date.parse(`${thisYear.startDate}T23:59:59Z`) : undefined
  if (start === undefined || start >= now.getTime() - RECENT_PAST_MS) return thisYear
  return parsePeriod(input, { now })
}

function partsOf(period: ParsedPeriod): PeriodParts {
  const { startDate, startTime, endDate, endTime, singleDay, dayPart, timesFromDayPart } = period
  return { startDate, startTime, endDate, endTime, singleDay, dayPart, timesFromDayPart }
}

function currentPeriod(scope: TurnScope): ParsedPeriod | undefined {
  const parts = scope.state.slots.period as PeriodParts | undefined
  return parts ? mergePeriod(undefined, parts) : undefined
}

function vehicleName(vehicle: AvailableVehicle): string {
  return (
    vehicle.FullVehicleName?.trim() ||
    vehicle.DisplayName?.trim() ||
    [vehicle.Manufacturer, vehicle.Model].filter(Boolean).join(' ') ||
    'Vozilo'
  )
}

function freeItem(vehicle: AvailableVehicle): ShownItem {
  const plate = vehicle.LicencePlate ?? undefined
  return {
    kind: 'free-vehicle',
    id: String(vehicle.Id),
    label: vehicleLabel({ name: vehicleName(vehicle), plate }),
    plate,
  }
}

async function freeVehicles(scope: TurnScope, from: string, to: string): Promise<AvailableVehicle[]> {
  const { tenantId } = scope.user
  const list = await scope.tools.call('get_AvailableVehicles', { from, to }, () =>
    scope.fleet.getAvailableVehicles(from, to, { tenantId, paging: { first: 0, rows: 50 } }),
  )
  return list.items
}

/**
 * The confirmation, once the access policy has checked the booking it would send: the car must
 * be a free pool car (or the user's own) for exactly that period. When it no longer is (an edit
 * moved the period, someone took it), the free cars of the period are offered instead.
 */
async function confirmation(scope: TurnScope, from: string, to: string): Promise<Reply[]> {
  const slots = scope.state.slots
  const label = String(slots.vehicleIdLabel)
  const booking = { personId: scope.user.personId, vehicleId: String(slots.vehicleId), from, to }
  const refused = await refusedWrite(scope, { kind: 'booking', booking })
  if (refused === 'not-found') {
    slots.vehicleId = undefined
    slots.vehicleIdLabel = undefined
    const next = await bookingFlow.advance(scope)
    return [{ text: bookingTexts.notFreeThen(label, formatPeriod(from, to)) }, ...next]
  }
  if (refused) {
    moveToIdle(scope.state, scope.now.getTime())
    return [refused]
  }
  const summary = bookingTexts.summary(label, formatPeriod(from, to), slots.description as string)
  moveToAwaitingConfirmation(scope.state, { tool: 'post_VehicleCalendar', summary })
  return [{ text: summary, buttons: confirmButtons }]
}

function problemReply(scope: TurnScope, check: Exclude<BookingPeriodCheck, { ok: true }>): Reply {
  const state = scope.state
  if (check.problem === 'incomplete') {
    moveToCollectingSlots(state, check.missing)
    return { text: bookingTexts.ask[check.missing[0]] }
  }
  const period = state.slots.period as PeriodParts
  if (check.problem === 'start-in-past') {
    state.slots.period = { ...period, startDate: undefined, endDate: undefined, singleDay: true }
    moveToCollectingSlots(state, ['start-date'])
    return { text: bookingTexts.inPast }
  }
  if (check.problem === 'end-not-after-start') {
    state.slots.period = { ...period, endTime: undefined }
    moveToCollectingSlots(state, ['end-time'])
    return { text: bookingTexts.endBeforeStart }
  }
  state.slots.period = { ...period, startTime: undefined }
  moveToCollectingSlots(state, ['start-time'])
  return { text: bookingTexts.noSuchTime }
}

/**
 * The text a message's period is read from, or undefined when it names none for this step. The
 * opening request is read whole. While a value is asked for, a question is not an answer
 * ("koliko je sad sati?" is not a start time) and a bare "16" gets the asked part's preposition.
 * While confirming or choosing, only an edit changes the period ("ne, od 10", "ipak do 15"), and
 * only by the part that names the new value ("ne sutra nego prekosutra" -> "prekosutra").
 */
function periodInput(scope: TurnScope, phase: AbsorbPhase, text: string): string | undefined {
  if (phase === 'start') return text
  const reading = readSlotMessage(text === scope.text.original ? scope.text : normalizeText(text))
  if (phase === 'edit') {
    if (reading.kind === 'edit') return reading.valueText
    // "a od 8 do 12?" while cars are offered asks for the cars of that period.
    const asksForPeriod = reading.kind === 'question' && reading.valueOnly && reading.explicit
    return asksForPeriod && scope.state.state === 'awaiting-selection' ? text : undefined
  }
  if (reading.kind === 'question' && !reading.valueOnly) return undefined
  const asking = [...scope.state.missing][0] as PeriodPart | undefined
  if (!asking || !ANSWER_PREFIX[asking] || /\b(od|do)\b/i.test(text)) return text
  const hour = BARE_HOUR.exec(text)
  return hour
    ? `${ANSWER_PREFIX[asking]}${hour[1]}${hour[2] ? `:${hour[2]}` : 'h'}`
    : `${ANSWER_PREFIX[asking]}${text}`
}

/**
 * Book a vehicle: period from free text, missing parts asked one at a time, free vehicles
 * offered, choice by number/ordinal/name/plate, confirmation, availability checked again,
 * booked with the user as assignee. Also answers "slobodna vozila sutra" (the offer is the answer).
 */
export const bookingFlow: Flow = {
  name: 'booking',

  absorb(scope: TurnScope, phase: AbsorbPhase): boolean {
    const slots = scope.state.slots
    let changed = false
    const labeled = extractLabeledValue(scope.text.original)
    if (labeled) {
      slots.description = labeled.value
      changed = true
    }
    const text = labeled
      ? scope.text.original.slice(0, scope.text.original.indexOf(':'))
      : scope.text.original
    const input = periodInput(scope, phase, text)
    const parsed = input === undefined ? undefined : parseBookingPeriod(input, scope.now)
    if (parsed) {
      const base = slots.period as PeriodParts | undefined
      slots.period = partsOf(mergePeriod(base, partsOf(parsed)))
      changed = true
    }
    if (phase === 'start') slots.opening = scope.text.original
    // At the confirmation, "ipak uzmi fabiu" or "drugi auto" changes the car: the free cars are
    // read again and the one named is taken (or said not to be free), or the list is offered.
    if (phase === 'edit' && scope.state.state === 'awaiting-confirmation' && !isQuestion(scope.text)) {
      const named =
        namesVehicle(scope.text.tokens, CHOICE_WORDS) || extractPlates(scope.text.original).length > 0
      if (named || containsPhrase(scope.text.tokens, CHOICE_WORDS.otherVehicle)) {
        if (named) slots.opening = scope.text.original
        delete slots.vehicleId
        delete slots.vehicleIdLabel
        changed = true
      }
    }
    return changed
  },

  confirmRule(scope: TurnScope): WriteConfirmRule {
    const period = currentPeriod(scope)
    const check = period ? checkBookingPeriod(period, scope.now) : undefined
    const when = check?.ok ? formatPeriod(check.from, check.to) : ''
    return {
      question: bookingTexts.plainQuestion(String(scope.state.slots.vehicleIdLabel), when),
    }
  },

  async advance(scope: TurnScope): Promise<Reply[]> {
    const state = scope.state
    const slots = state.slots
    const period = currentPeriod(scope)
    if (!period) {
      moveToCollectingSlots(state, ['start-date', 'start-time', 'end-date', 'end-time'])
      return [{ text: bookingTexts.ask['start-date'] }]
    }
    // "slobodna vozila sutra": a named day without hours means the whole day.
    const multiDay = period.endDate !== undefined && period.endDate !== period.startDate
    if ((slots.listOnly || multiDay) && period.startDate && !period.startTime && !period.endTime) {
      slots.period = partsOf(
        mergePeriod(slots.period as PeriodParts, {
          singleDay: period.singleDay,
          startTime: '00:00',
          endTime: '23:59',
          timesFromDayPart: true,
          dayPart: 'whole-day',
        }),
      )
      return this.advance(scope)
    }
    const check = checkBookingPeriod(period, scope.now)
    if (!check.ok) return [problemReply(scope, check)]
    const periodText = formatPeriod(check.from, check.to)

    if (typeof slots.vehicleId === 'string' && typeof slots.vehicleIdLabel === 'string') {
      return confirmation(scope, check.from, check.to)
    }
    const free = await freeVehicles(scope, check.from, check.to)
    if (free.length === 0) {
      moveToIdle(state, scope.now.getTime())
      return [{ text: bookingTexts.noneFree(periodText) }]
    }
    const items = free.map(freeItem)
    const rows = free.map((vehicle) => ({
      // The plate goes to the description: row titles are cut at 24 characters.
      title: vehicle.LicencePlate
        ? vehicleName(vehicle).replace(` (${vehicle.LicencePlate})`, '')
        : vehicleName(vehicle),
      description: [
        vehicle.LicencePlate,
        typeof vehicle.LastMileage === 'number' ? formatKilometers(vehicle.LastMileage) : undefined,
      ]
        .filter(Boolean)
        .join(', '),
    }))
    const opening = typeof slots.opening === 'string' ? slots.opening : undefined
    delete slots.opening
    // A vehicle named in the opening request ("trebam Passat sutra od 8 do 16") is taken directly;
    // one that is not free then is said, never swapped for another car.
    const named = opening ? resolveChoice({ text: normalizeText(opening), now: scope.now }, items) : undefined
    if (named?.kind === 'picked' && (named.by === 'name' || named.by === 'plate' || named.by === 'any')) {
      slots.vehicleId = named.item.id
      slots.vehicleIdLabel = named.item.label
      return confirmation(scope, check.from, check.to)
    }
    const offer = offerChoice(state, {
      question: bookingTexts.offer(periodText),
      items,
      asking: 'vehicleId',
      rows,
    })
    if (named?.kind === 'several') return [narrowChoice(state, named.indexes)]
    if (named?.kind === 'missing') {
      const missing = describeMissing(named.said, items, { listFollows: true })
      return [{ ...offer, text: `${missing}\n\n${offer.text}` }]
    }
    return [offer]
  },

  async execute(scope: TurnScope): Promise<Reply[]> {
    const state = scope.state
    const slots = state.slots
    const period = currentPeriod(scope)
    const check = period ? checkBookingPeriod(period, scope.now) : undefined
    if (!check?.ok) return this.advance(scope)
    const vehicleId = String(slots.vehicleId)
    const label = String(slots.vehicleIdLabel)
    const options = { tenantId: scope.user.tenantId }
    const booked = async () => {
      const list = await scope.fleet.listBookings(scope.user.personId, {
        ...options,
        paging: { first: 0, rows: 50 },
      })
      return list.items.some(
        (entry) =>
          String(entry.VehicleId) === vehicleId &&
          String(entry.FromTime ?? '').slice(0, 16) === check.from.slice(0, 16),
      )
    }
    // A retry after a lost answer: our own first request may have taken the car.
    if (await landedEarlier(scope, booked)) {
      moveToIdle(state, scope.now.getTime())
      return [{ text: commonTexts.writeArrivedLate() }]
    }
    // Someone else may have taken the car since we offered it.
    const free = await freeVehicles(scope, check.from, check.to)
    if (!free.some((vehicle) => String(vehicle.Id) === vehicleId)) {
      slots.vehicleId = undefined
      slots.vehicleIdLabel = undefined
      const next = await this.advance(scope)
      return [{ text: bookingTexts.taken(label) }, ...next]
    }
    const booking = {
      personId: scope.user.personId,
      vehicleId,
      from: check.from,
      to: check.to,
      ...(typeof slots.description === 'string' ? { description: slots.description } : {}),
    }
    const outcome = await guardedWrite(scope, {
      tool: 'post_VehicleCalendar',
      args: { ...booking },
      send: () => scope.fleet.createBooking(booking, options),
      readBack: booked,
    })
    moveToIdle(state, scope.now.getTime())
    if (outcome.status === 'already-done') return [{ text: commonTexts.writeArrivedLate() }]
    const created = outcome.result
    const id = created && typeof created === 'object' && 'Id' in created ? String(created.Id) : undefined
    return [{ text: bookingTexts.booked(label, formatPeriod(check.from, check.to), id) }]
  },
}
