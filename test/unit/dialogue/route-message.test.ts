import { describe, expect, it } from 'vitest'
import type { Intent } from '../../../src/dialogue/detect-intent.ts'
import { withLowRiskActions } from '../../../src/dialogue/intents/model-actions.ts'
import { routeInContext } from '../../../src/dialogue/intents/route-in-context.ts'
import { decideCatalogue, routeMessage } from '../../../src/dialogue/intents/route-message.ts'
import type { IntentClassification } from '../../../src/understanding/create-intent-classifier.ts'
import { DEFAULT_THRESHOLDS, decideIntent } from '../../../src/understanding/decide-intent.ts'

/** A model reading with the production decision rule over the given probabilities. */
function reading(scores: Record<string, number>): IntentClassification {
  const ranking = Object.entries(scores)
    .map(([intent, p]) => ({ intent, p }))
    .sort((a, b) => b.p - a.p)
  return withLowRiskActions({ ranking, decision: decideIntent({ ranking, anchors: 3 }, DEFAULT_THRESHOLDS) })
}

const myBookings: Intent = { kind: 'read', read: 'my-bookings' }
const recordMileage: Intent = { kind: 'write', write: 'mileage' }

describe('abstention: act, ask or search', () => {
  it('acts on a sure intent, whatever the router says', () => {
    const route = routeMessage(reading({ vehicle_mileage: 0.95, record_mileage: 0.05 }), recordMileage)
    expect(route).toMatchObject({ kind: 'model', intent: 'vehicle_mileage' })
  })

  it('reads the user’s own data from p 0.75, but never starts a write below the act threshold', () => {
    expect(routeMessage(reading({ vehicle_plate: 0.8, other: 0.2 }), undefined)).toMatchObject({
      kind: 'model',
      intent: 'vehicle_plate',
    })
    expect(routeMessage(reading({ report_damage: 0.8, other: 0.2 }), undefined)).toEqual({
      kind: 'clarify',
      intents: ['report_damage', 'help'],
    })
  })

  it('answers directly when direct answers together are likely, with the likeliest of them', () => {
    const route = routeMessage(reading({ goodbye: 0.44, greeting: 0.38, book_vehicle: 0.18 }), undefined)
    expect(route).toMatchObject({ kind: 'model', intent: 'goodbye', action: { kind: 'answer' } })
  })

  it('asks between close candidates with buttons, unless the router names one of them', () => {
    const close = { my_bookings: 0.5, cancel_booking: 0.45, other: 0.05 }
    expect(routeMessage(reading(close), undefined)).toEqual({
      kind: 'clarify',
      intents: ['my_bookings', 'cancel_booking'],
    })
    expect(routeMessage(reading(close), myBookings)).toEqual({
      kind: 'rules',
      intent: myBookings,
      why: 'agreed',
    })
  })

  it('lets the router decide only for an intent the model finds plausible', () => {
    const unsure = { small_talk: 0.32, out_of_scope: 0.3, other: 0.25, vehicle_mileage: 0.13 }
    expect(routeMessage(reading(unsure), recordMileage)).toEqual({ kind: 'search' })
    const plausible = {
      vehicle_mileage: 0.4,
      record_mileage: 0.12,
      other: 0.1,
      small_talk: 0.1,
      help: 0.1,
      out_of_scope: 0.1,
      thanks: 0.08,
    }
    expect(routeMessage(reading(plausible), recordMileage)).toEqual({
      kind: 'rules',
      intent: recordMileage,
      why: 'fallback',
    })
  })

  it('searches the catalogue for `other`', () => {
    expect(routeMessage(reading({ other: 0.97, my_expenses: 0.03 }), undefined)).toEqual({ kind: 'search' })
  })
})

describe('routing in the context of the last list', () => {
  const removal = reading({ delete_trip: 0.45, delete_case: 0.4, my_cases: 0.15 })

  it('a removal the model cannot place goes to the kind of list just shown', () => {
    expect(routeInContext(routeMessage(removal, undefined), removal, { list: 'case' })).toMatchObject({
      kind: 'model',
      intent: 'delete_case',
    })
  })

  it('a question like the last answer is that question again when the model leans to it or asks', () => {
    const leaning = reading({ vehicle_leasing: 0.6, count_vehicles: 0.25, other: 0.15 })
    expect(routeInContext(routeMessage(leaning, undefined), leaning, { read: 'leasing' })).toMatchObject({
      kind: 'model',
      intent: 'vehicle_leasing',
    })
    const asking = reading({ my_trips: 0.62, vehicle_mileage: 0.33, other: 0.05 })
    expect(routeMessage(asking, undefined)).toMatchObject({ kind: 'clarify' })
    expect(routeInContext(routeMessage(asking, undefined), asking, { read: 'mileage' })).toMatchObject({
      intent: 'vehicle_mileage',
    })
    // Beside a write it stays a question: after seeing the reading, the user may want to record one.
    const readOrWrite = reading({ vehicle_mileage: 0.5, record_mileage: 0.46, other: 0.04 })
    expect(
      routeInContext(routeMessage(readOrWrite, undefined), readOrWrite, { read: 'mileage' }),
    ).toMatchObject({
      kind: 'clarify',
    })
    // Another read's answer is no evidence for this one.
    expect(routeInContext(routeMessage(leaning, undefined), leaning, { read: 'plate' })).not.toMatchObject({
      kind: 'model',
    })
  })

  it('changes nothing without a list, for a list nothing is removed from, or when the model is sure', () => {
    expect(routeInContext(routeMessage(removal, undefined), removal, undefined)).not.toMatchObject({
      kind: 'model',
    })
    expect(routeInContext(routeMessage(removal, undefined), removal, { list: 'vehicle' })).not.toMatchObject({
      kind: 'model',
    })
    const sure = reading({ delete_trip: 0.95, delete_case: 0.05 })
    expect(routeInContext(routeMessage(sure, undefined), sure, { list: 'case' })).toMatchObject({
      intent: 'delete_trip',
    })
  })
})

describe('catalogue search: act, ask or neither', () => {
  const hit = (score: number, entity: string) => ({ score, tool: { entity } })

  it('acts on a clear first tool: a high score, or well ahead of another entity', () => {
    expect(decideCatalogue([hit(12, 'Partners'), hit(11.5, 'Teams')])).toMatchObject({ kind: 'act' })
    expect(decideCatalogue([hit(6, 'Partners'), hit(4, 'Teams')])).toMatchObject({ kind: 'act' })
    expect(decideCatalogue([hit(6, 'Partners')])).toMatchObject({ kind: 'act' })
  })

  it('does not ask between a list and its own count: only other entities are rivals', () => {
    const hits = [hit(5, 'Partners'), hit(4.8, 'Partners'), hit(3, 'Teams')]
    expect(decideCatalogue(hits)).toEqual({ kind: 'act', hit: hits[0] })
  })

  it('asks between the best tool of each close entity, at most three', () => {
    const hits = [
      hit(5, 'Teams'),
      hit(4.9, 'Teams'),
      hit(4.6, 'TeamMembers'),
      hit(4.5, 'Persons'),
      hit(4.4, 'Roles'),
    ]
    expect(decideCatalogue(hits)).toEqual({ kind: 'ask', hits: [hits[0], hits[2], hits[3]] })
  })

  it('asks only about tools that can be offered; when the closest cannot be, it runs', () => {
    const hits = [hit(5, 'Teams'), hit(4.6, 'TeamMembers'), hit(4.5, 'Lookup')]
    expect(decideCatalogue(hits, (candidate) => candidate.tool.entity !== 'Lookup')).toEqual({
      kind: 'ask',
      hits: [hits[0], hits[1]],
    })
    expect(decideCatalogue(hits, (candidate) => candidate.tool.entity !== 'Teams')).toEqual({
      kind: 'act',
      hit: hits[0],
    })
  })

  it('offers nothing below the minimum score', () => {
    expect(decideCatalogue([hit(0.5, 'Teams'), hit(0.4, 'Persons')])).toEqual({ kind: 'none' })
    expect(decideCatalogue([])).toEqual({ kind: 'none' })
  })
})
