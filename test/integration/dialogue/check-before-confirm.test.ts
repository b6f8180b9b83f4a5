import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FleetNotFoundError } from '../../../src/fleet/fleet-errors.ts'
import type { PlannedWrite } from '../../../src/ports/access-policy.ts'
import type { SeededDriver } from '../../../src/sandbox/mobilityone/index.ts'
import { createDialogueHarness, type DialogueHarness } from './support/dialogue-harness.ts'

/**
 * Every template write (booking, mileage, damage report, cancel/delete) is checked by the access
 * policy before its confirmation is shown, and a refusal there shows no confirmation at all.
 */
let h: DialogueHarness
const checked: PlannedWrite[] = []
/** Record ids the wrapped policy refuses, as another driver's record would be. */
const refuse = new Set<string>()
let ivan: SeededDriver
let petra: SeededDriver

beforeAll(async () => {
  h = await createDialogueHarness(undefined, {
    wrapAccess: (policy) => ({
      forUser(subject) {
        const scoped = policy.forUser(subject)
        return {
          ...scoped,
          async checkWrite(write, options) {
            checked.push(write)
            if (write.kind === 'delete' && refuse.has(String(write.id)))
              throw new FleetNotFoundError('refused by the test', { status: 404 })
            return scoped.checkWrite(write, options)
          },
        }
      },
    }),
  })
  ivan = h.drivers.find((driver) => driver.firstName === 'Ivan' && driver.lastName === 'Horvat')!
  petra = h.drivers.find((driver) => driver.firstName === 'Petra' && driver.lastName === 'Marić')!
})
afterAll(() => h.close())
beforeEach(() => {
  h.sandbox.control.reset()
  checked.length = 0
  refuse.clear()
})

const text = (result: { replies: { text: string }[] }) => result.replies.map((reply) => reply.text).join('\n')
const writes = () =>
  Object.entries(h.sandbox.control.calls()).filter(
    ([route]) => !route.startsWith('GET ') && !route.startsWith('POST /sso'),
  )

describe('the access policy checks a write before its confirmation', () => {
  it('booking: the chosen free car for exactly that period', async () => {
    await h.say(petra, 'rezerviraj mi auto sutra od 8 do 16')
    const confirm = await h.say(petra, '1')
    expect(text(confirm)).toContain('Potvrđujete')
    expect(checked).toEqual([
      {
        kind: 'booking',
        booking: expect.objectContaining({ from: '2026-03-10T08:00:00', to: '2026-03-10T16:00:00' }),
      },
    ])
    expect(writes()).toEqual([])
    await h.say(petra, 'ne')
  })

  it('mileage: the user’s own vehicle', async () => {
    const confirm = await h.say(ivan, 'unesi 45600 km')
    expect(text(confirm)).toContain('Potvrđujete')
    const vehicle = [...h.sandbox.dataset.tenantsById.get(ivan.tenantId)!.vehicles.values()].find(
      (candidate) => candidate.LicencePlate === ivan.plates[0],
    )!
    expect(checked).toEqual([{ kind: 'mileage', mileage: { vehicleId: vehicle.Id, value: 45_600 } }])
    expect(writes()).toEqual([])
    await h.say(ivan, 'ne')
  })

  it('damage report: the text as it will be sent, naming the attached vehicle', async () => {
    const confirm = await h.say(ivan, 'prijavi štetu, ogrebotina na stražnjem braniku')
    expect(text(confirm)).toContain('Potvrđujete')
    expect(checked).toHaveLength(1)
    expect(checked[0]).toMatchObject({
      kind: 'case',
      newCase: { message: expect.stringContaining(ivan.plates[0]!) },
    })
    expect(writes()).toEqual([])
    await h.say(ivan, 'ne')
  })

  it('cancel: the booking picked; a refused one shows no "Jeste li sigurni?"', async () => {
    await h.say(petra, 'otkaži rezervaciju')
    const sure = await h.say(petra, '1')
    expect(text(sure)).toContain('Jeste li sigurni')
    expect(checked).toMatchObject([{ kind: 'delete', record: 'booking' }])
    await h.say(petra, 'ne')

    checked.length = 0
    await h.say(petra, 'otkaži rezervaciju')
    const first = await h.say(petra, '1')
    const id = String((checked[0] as Extract<PlannedWrite, { kind: 'delete' }>).id)
    await h.say(petra, 'ne')
    refuse.add(id)
    await h.say(petra, 'otkaži rezervaciju')
    const refused = await h.say(petra, '1')
    expect(text(first)).toContain('Jeste li sigurni')
    expect(text(refused)).not.toContain('Jeste li sigurni')
    expect(text(refused)).toContain('ne pripada vama')
    expect(writes()).toEqual([])
  })
})
