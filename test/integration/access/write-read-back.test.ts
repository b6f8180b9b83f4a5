import { setTimeout as delay } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SeededDriver } from '../../../src/sandbox/mobilityone/index.ts'
import { createDialogueHarness, type DialogueHarness } from '../dialogue/support/dialogue-harness.ts'

/** A write whose answer is lost (the request completes later) is read back, never sent twice. */
let h: DialogueHarness
let ivan: SeededDriver

beforeAll(async () => {
  h = await createDialogueHarness(new Date('2026-03-09T08:00:00.000Z'), { fleetTimeoutMs: 400 })
  ivan = h.drivers.find((driver) => driver.firstName === 'Ivan' && driver.lastName === 'Horvat')!
})
afterAll(() => h.close())

const text = (result: { replies: { text: string }[] }) => result.replies.map((reply) => reply.text).join('\n')
const casesWith = (message: string) =>
  [...h.sandbox.dataset.tenantsById.get(ivan.tenantId)!.cases.values()].filter((item) =>
    JSON.stringify(item).includes(message),
  )

describe('writes that may have happened', () => {
  it('a damage report that timed out and landed later is not filed again on "Da"', async () => {
    const description = 'ogreben lijevi retrovizor na garaži u Dubravi'
    expect(text(await h.say(ivan, `prijavi štetu: ${description}`))).toContain('Potvrđujete')
    h.sandbox.control.addFault({ kind: 'hang', route: 'POST /automation/AddCase', times: 1 })
    const timedOut = text(await h.say(ivan, 'Da'))
    // Nothing was there yet when we read back: a retry is offered, nothing is claimed.
    expect(timedOut).toMatch(/ne odgovara na vrijeme/)
    expect(timedOut).toContain('Da')
    // The hung request now completes upstream, after we gave up on it.
    h.sandbox.control.reset()
    for (let i = 0; i < 50 && casesWith(description).length === 0; i++) await delay(20)
    expect(casesWith(description)).toHaveLength(1)
    const retried = text(await h.say(ivan, 'Da'))
    expect(retried).toMatch(/ipak zaprimljen/)
    expect(casesWith(description)).toHaveLength(1)
    expect(h.sandbox.control.callCount('POST /automation/AddCase')).toBe(1)
  })

  it('a mileage entry that timed out and landed later is reported as recorded, not sent again', async () => {
    expect(text(await h.say(ivan, 'unesi kilometražu 47 310'))).toContain('Potvrđujete')
    h.sandbox.control.addFault({ kind: 'hang', route: 'POST /automation/AddMileage', times: 1 })
    expect(text(await h.say(ivan, 'Da'))).toMatch(/ne odgovara na vrijeme/)
    h.sandbox.control.reset()
    const vehicle = [...h.sandbox.dataset.tenantsById.get(ivan.tenantId)!.vehicles.values()].find(
      (candidate) => candidate.LicencePlate === ivan.plates[0],
    )!
    for (let i = 0; i < 50 && vehicle.LastMileage !== 47_310; i++) await delay(20)
    expect(text(await h.say(ivan, 'Da'))).toMatch(/ipak zaprimljen/)
    expect(h.sandbox.control.callCount('POST /automation/AddMileage')).toBe(1)
  })
})
