import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SeededDriver } from '../../../src/sandbox/mobilityone/index.ts'
import { createDialogueHarness, type DialogueHarness } from './support/dialogue-harness.ts'

let h: DialogueHarness
let ivan: SeededDriver
let multi: SeededDriver
let other: SeededDriver

beforeAll(async () => {
  h = await createDialogueHarness()
  ivan = h.drivers.find((driver) => driver.firstName === 'Ivan' && driver.lastName === 'Horvat')!
  multi = h.drivers.find((driver) => driver.plates.length > 1)!
  other = h.drivers.find(
    (driver) =>
      driver.personId !== ivan.personId && driver.tenantId === ivan.tenantId && driver.plates.length === 1,
  )!
})
afterAll(() => h.close())
beforeEach(() => h.sandbox.control.reset())

const text = (result: { replies: { text: string }[] }) => result.replies.map((reply) => reply.text).join('\n')
const tenantOf = (driver: SeededDriver) => h.sandbox.dataset.tenantsById.get(driver.tenantId)!

describe('reads', () => {
  it('answers mileage, plate, due dates, leasing and a summary from the user vehicle', async () => {
    expect(text(await h.say(ivan, 'koliko imam km'))).toMatch(/45\.231 km/)
    expect(text(await h.say(ivan, 'koja mi je registracija'))).toContain('ZG-5521-KL')
    expect(text(await h.say(ivan, 'kada istjece registracija'))).toMatch(
      /Registracija: \d{2}\.\d{2}\.\d{4}\./,
    )
    expect(text(await h.say(ivan, 'koja je lizing kuca'))).toMatch(/Leasing kuća: .+/)
    expect(text(await h.say(ivan, 'podaci o vozilu'))).toContain('VIN:')
  })

  it('lists only the user own bookings, cases, trips and expenses', async () => {
    const tenant = tenantOf(ivan)
    const result = await h.say(ivan, 'moje rezervacije')
    const mine = [...tenant.calendar.values()].filter((entry) => entry.AssignedToId === ivan.personId)
    const others = [...tenant.calendar.values()].filter((entry) => entry.AssignedToId !== ivan.personId)
    expect(mine.length).toBeGreaterThan(0)
    const reply = text(result)
    for (const entry of others) {
      const plate = tenant.vehicles.get(entry.VehicleId)?.LicencePlate
      if (plate && !mine.some((own) => tenant.vehicles.get(own.VehicleId)?.LicencePlate === plate)) {
        expect(reply).not.toContain(plate)
      }
    }
    expect(result.toolExecutions?.[0]).toMatchObject({ tool: 'get_VehicleCalendar', success: true })
    expect(text(await h.say(ivan, 'moji slucajevi'))).toContain('Vaši slučajevi')
    expect(text(await h.say(ivan, 'moja putovanja'))).toContain('Vaša putovanja')
    expect(text(await h.say(ivan, 'troskovi'))).toMatch(/EUR/)
  })

  it('asks which vehicle when the user has several, then accepts an ordinal', async () => {
    const asked = await h.say(multi, 'koliko imam km')
    expect(text(asked)).toContain('Imate više vozila')
    expect(asked.replies[0].list?.sections[0].rows).toHaveLength(multi.plates.length)
    const answer = await h.say(multi, 'drugo')
    expect(text(answer)).toMatch(/km/)
  })
})

describe('booking', () => {
  it('books from free text with a choice by number, a note edit, and Da', async () => {
    const tenant = tenantOf(ivan)
    const before = tenant.calendar.size
    const offer = await h.say(ivan, 'trebam auto sutra od 8 do 16')
    expect(text(offer)).toContain('Slobodna vozila (10.03.2026. 08:00 – 16:00)')
    const confirm = await h.say(ivan, '1')
    expect(text(confirm)).toContain('Potvrđujete?')
    expect(tenant.calendar.size).toBe(before)
    expect(text(await h.say(ivan, 'bilješka: službeni put'))).toContain('Bilješka: službeni put')
    const done = await h.say(ivan, 'Da')
    expect(text(done)).toContain('Rezervirano')
    expect(tenant.calendar.size).toBe(before + 1)
    const created = [...tenant.calendar.values()].at(-1)!
    expect(created).toMatchObject({
      AssignedToId: ivan.personId,
      FromTime: '2026-03-10T08:00:00',
      Description: 'službeni put',
    })
    expect(done.toolExecutions?.map((execution) => execution.tool)).toEqual([
      'get_AvailableVehicles',
      'post_VehicleCalendar',
    ])
  })

  it('asks for missing parts one at a time', async () => {
    expect(text(await h.say(ivan, 'trebam auto'))).toContain('Za koji dan')
    expect(text(await h.say(ivan, 'prekosutra'))).toContain('Od koliko sati')
    expect(text(await h.say(ivan, '9'))).toContain('Do koliko sati')
    expect(text(await h.say(ivan, '17'))).toContain('11.03.2026. 09:00 – 17:00')
    expect(text(await h.say(ivan, 'odustani'))).toContain('odustao')
  })

  it('refuses a period in the past', async () => {
    expect(text(await h.say(ivan, 'trebam auto 1.3.2026. od 8 do 10'))).toContain('već prošao')
    await h.say(ivan, 'odustani')
  })

  it('checks availability again at confirmation', async () => {
    const tenant = tenantOf(ivan)
    await h.say(ivan, 'trebam auto u petak od 8 do 16')
    const confirm = await h.say(ivan, '1')
    expect(text(confirm)).toContain('Potvrđujete?')
    // Someone else takes every car meanwhile.
    h.sandbox.control.addFault({
      kind: 'error',
      route: 'GET /vehiclemgt/AvailableVehicles',
      status: 503,
      times: 5,
    })
    const failed = await h.say(ivan, 'da')
    expect(text(failed)).toMatch(/MobilityOne/)
    expect(failed.replies.at(-1)?.buttons?.[0].title).toBe('Da')
    h.sandbox.control.reset()
    const before = tenant.calendar.size
    expect(text(await h.say(ivan, 'da'))).toContain('Rezervirano')
    expect(tenant.calendar.size).toBe(before + 1)
  })

  it('answers a question while confirming, then repeats the confirmation', async () => {
    await h.say(ivan, 'trebam auto u srijedu od 10 do 12')
    await h.say(ivan, '2')
    const aside = await h.say(ivan, 'koliko imam km')
    expect(text(aside)).toMatch(/km/)
    expect(text(aside)).toContain('Vraćamo se na potvrdu')
    const edited = await h.say(ivan, 'od 9h')
    expect(text(edited)).toContain('09:00 – 12:00')
    expect(text(await h.say(ivan, 'ne'))).toContain('odustao')
  })
})

describe('mileage', () => {
  it('questions a lower value, records after Da and shows the new value', async () => {
    const plate = ivan.plates[0]
    const vehicle = [...tenantOf(ivan).vehicles.values()].find(
      (candidate) => candidate.LicencePlate === plate,
    )!
    const last = vehicle.LastMileage
    const lower = await h.say(ivan, `unesi ${last - 100} km`)
    expect(text(lower)).toContain('manje od zadnjeg')
    expect(vehicle.LastMileage).toBe(last)
    await h.say(ivan, 'ne')
    expect(text(await h.say(ivan, 'unesi kilometražu'))).toContain('Koliko kilometara')
    const higher = last + 500
    expect(text(await h.say(ivan, String(higher)))).toContain('Potvrđujete')
    expect(text(await h.say(ivan, 'da'))).toContain('Zabilježeno')
    expect(vehicle.LastMileage).toBe(higher)
    expect(text(await h.say(ivan, 'koliko imam km'))).toContain(higher.toLocaleString('de-DE'))
  })

  it('questions an implausibly high value', async () => {
    // Twenty times the last reading: a digit too many, recorded only after an explicit correction.
    const asked = text(await h.say(ivan, 'unesi 900.000 km'))
    expect(asked).toContain('mnogo više')
    expect(asked).toContain('ispravak')
    expect(text(await h.say(ivan, 'da'))).not.toContain('Zabilježeno')
    await h.say(ivan, 'odustani')
  })
})

describe('damage case', () => {
  it('infers the subject, asks the description, attaches the vehicle and returns the case id', async () => {
    const tenant = tenantOf(ivan)
    const before = tenant.cases.size
    expect(text(await h.say(ivan, 'prijavi štetu'))).toContain('Opišite')
    const confirm = await h.say(ivan, 'ogrebotina na lijevim vratima')
    expect(text(confirm)).toContain('Prijava: Šteta')
    expect(text(confirm)).toContain(ivan.plates[0])
    const done = await h.say(ivan, 'da')
    expect(tenant.cases.size).toBe(before + 1)
    const created = [...tenant.cases.values()].at(-1)!
    expect(text(done)).toContain(`*${created.Id}*`)
  })
})

describe('delete', () => {
  it('cancels only the user own booking after "Jeste li sigurni?"', async () => {
    const tenant = tenantOf(ivan)
    await h.say(ivan, 'trebam auto u cetvrtak od 8 do 9')
    await h.say(ivan, '1')
    await h.say(ivan, 'da')
    const othersBefore = [...tenant.calendar.values()].filter(
      (entry) => entry.AssignedToId !== ivan.personId,
    ).length
    const list = await h.say(ivan, 'otkaži rezervaciju')
    expect(text(list)).toContain('Koju rezervaciju')
    const sure = await h.say(ivan, 'zadnju')
    expect(text(sure)).toContain('Jeste li sigurni')
    const mineBefore = [...tenant.calendar.values()].filter(
      (entry) => entry.AssignedToId === ivan.personId,
    ).length
    expect(text(await h.say(ivan, 'da'))).toContain('otkazana')
    expect([...tenant.calendar.values()].filter((entry) => entry.AssignedToId === ivan.personId).length).toBe(
      mineBefore - 1,
    )
    expect([...tenant.calendar.values()].filter((entry) => entry.AssignedToId !== ivan.personId).length).toBe(
      othersBefore,
    )
  })
})

describe('isolation', () => {
  it("refuses another driver's plate instead of answering with the user's own vehicle", async () => {
    const foreign = other.plates[0]
    const read = text(await h.say(ivan, `koliko km ima ${foreign}`))
    expect(read).toContain(`${foreign}* nije među vašim vozilima`)
    expect(read).toContain(ivan.plates[0])
    expect(read).not.toMatch(/Kilometraža:/)
  })

  it("does not turn a mileage entry for another driver's car into one for the user's car", async () => {
    const foreign = other.plates[0]
    const own = [...tenantOf(ivan).vehicles.values()].find(
      (vehicle) => vehicle.LicencePlate === ivan.plates[0],
    )!
    const before = own.LastMileage
    expect(text(await h.say(ivan, `unesi 113000 km za ${foreign}`))).toContain('nije među vašim vozilima')
    // Taking the user's own vehicle instead does not carry the other car's reading over: it is asked.
    const next = text(await h.say(ivan, 'da'))
    expect(next).toContain('Koliko kilometara')
    expect(next).not.toContain('113.000')
    expect(own.LastMileage).toBe(before)
    await h.say(ivan, 'odustani')
  })

  it('accepts the user own plate, and refuses a foreign one even with several vehicles', async () => {
    expect(text(await h.say(multi, `koliko km ima ${multi.plates[1]}`))).toMatch(/Kilometraža/)
    const refused = text(await h.say(multi, `koliko km ima ${ivan.plates[0]}`))
    expect(refused).toContain('nije među vašim vozilima')
    expect(refused).not.toContain('Imate više vozila')
  })

  it("refuses a damage report naming another driver's plate (the API would file it on that car)", async () => {
    const before = tenantOf(ivan).cases.size
    const summary = text(await h.say(ivan, `prijavljujem štetu, udario me ${other.plates[0]} na parkingu`))
    expect(summary).toContain('nije među vašim vozilima')
    expect(summary).not.toContain('Potvrđujete?')
    expect(text(await h.say(ivan, 'da'))).not.toContain('zaprimljena')
    expect(tenantOf(ivan).cases.size).toBe(before)
  })

  it('says a named case is not among the user items and lists them, never picking "prva" as #1', async () => {
    const tenant = tenantOf(ivan)
    const before = tenant.cases.size
    const replies = await h.say(ivan, 'obriši slučaj Nedostaje prva pomoć')
    expect(replies.replies[0].text).toContain('nisam pronašao među vašim slučajevima')
    expect(text(replies)).toContain('Koji slučaj želite obrisati?')
    expect(text(replies)).not.toContain('Jeste li sigurni')
    expect(text(await h.say(ivan, 'da'))).not.toContain('obrisan')
    expect(tenant.cases.size).toBe(before)
    await h.say(ivan, 'odustani')
  })

  it('still takes a plain ordinal in the opening request', async () => {
    expect(text(await h.say(ivan, 'obriši prvi slučaj'))).toContain('Jeste li sigurni')
    await h.say(ivan, 'ne')
  })
})

describe('conversation rules', () => {
  it('greets, thanks and helps in any state, and repeats the pending question', async () => {
    await h.say(other, 'trebam auto')
    const greeting = await h.say(other, 'bok')
    expect(greeting.replies).toHaveLength(2)
    expect(greeting.replies[1].text).toContain('Za koji dan')
    expect(text(await h.say(other, 'pomoć'))).toContain('Mogu vam pomoći')
    expect(text(await h.say(other, 'odustani'))).toContain('odustao')
    expect(text(await h.say(other, 'odustani'))).toContain('Nema ničega')
  })

  it('"nekako" is not "ne" while confirming', async () => {
    await h.say(other, 'unesi 1 km')
    expect(text(await h.say(other, 'nekako'))).toContain('Odgovorite s *Da*')
    await h.say(other, 'ne')
  })

  it('records feedback right after an answer, PII masked, and asks what was wrong', async () => {
    await h.say(ivan, 'koja mi je registracija')
    const ask = await h.say(ivan, 'to nije točno')
    expect(text(ask)).toContain('Što nije bilo točno')
    await h.say(ivan, 'tablica je druga')
    const report = h.feedback.at(-1)!
    expect(report.question).toBe('koja mi je registracija')
    expect(report.answer).not.toContain(ivan.plates[0])
    expect(report.comment).toContain('tablica je druga')
  })

  it('reports the request that opened a flow, not the "da" that confirmed it', async () => {
    await h.say(other, 'unesi 1 km')
    // 1 km is far below the last reading: a rollback is recorded only after "ispravak".
    await h.say(other, 'ispravak')
    await h.say(other, 'krivo')
    await h.say(other, 'broj je bio krivi')
    expect(h.feedback.at(-1)!.question).toBe('unesi 1 km')
  })

  it('drops a flow after 30 minutes of silence', async () => {
    await h.say(other, 'trebam auto')
    const saved = h.now
    h.now = new Date(saved.getTime() + 31 * 60_000)
    const result = await h.say(other, '9')
    h.now = saved
    expect(text(result)).toContain('istekao')
  })

  it('turns fleet errors into a short Croatian reply', async () => {
    h.sandbox.control.addFault({ kind: 'error', route: 'GET /vehiclemgt/Trips', status: 403 })
    const result = await h.say(ivan, 'moja putovanja')
    expect(text(result)).toContain('nema ovlasti')
    expect(text(result)).not.toMatch(/[{}]/)
    expect(result.toolExecutions?.[0]).toMatchObject({ tool: 'get_Trips', success: false })
  })
})
