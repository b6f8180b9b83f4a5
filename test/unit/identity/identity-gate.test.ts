import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFleetClient, type FleetClient } from '../../../src/fleet/create-fleet-client.ts'
import { createIdentityGate } from '../../../src/identity/create-identity-gate.ts'
import { CONSENT_NO_ID, CONSENT_YES_ID } from '../../../src/identity/identity-texts.ts'
import { createInMemoryDirectory } from '../../../src/identity/in-memory-directory.ts'
import { createPersonResolver } from '../../../src/identity/person-resolver.ts'
import { createUserContextProvider } from '../../../src/identity/user-context-provider.ts'
import type { InboundMessage } from '../../../src/ports/messages.ts'
import type { TurnHandler } from '../../../src/ports/turn-handler.ts'
import type { UserContext } from '../../../src/ports/user-context.ts'
import { createMemoryHeldMessageStore } from '../../../src/store/held-message-stores.ts'
import { type FakeTenant, startFakeTenant } from './support/fake-tenant.ts'

const PHONE = '385912345678'
let tenant: FakeTenant
let fleet: FleetClient
let directory: ReturnType<typeof createInMemoryDirectory>
let handler: TurnHandler
let seen: UserContext[]
let welcomes: { text: string; menu: number }[]
let sequence = 0

function message(fields: Partial<InboundMessage>): InboundMessage {
  return {
    messageId: `m${++sequence}`,
    from: PHONE,
    receivedAt: new Date().toISOString(),
    kind: 'text',
    channel: 'web',
    ...fields,
  }
}

const context = () => ({
  turnId: `t${sequence}`,
  log: pino({ level: 'silent' }),
  now: new Date('2026-01-15T10:00:00Z'),
})
const say = (text: string) => handler(message({ text }), context())
const press = (replyId: string, text: string) =>
  handler(message({ kind: 'button-reply', replyId, text }), context())

beforeEach(async () => {
  tenant = await startFakeTenant(
    [{ Id: 'p1', FirstName: 'Ivana', LastName: 'Kovač', Mobile: '+385 91 234 5678' }],
    new Map([
      [
        'p1',
        [
          {
            Id: 'v1',
            FullVehicleName: 'Škoda Octavia 2.0 TDI',
            LicencePlate: 'ZG-1234-AB',
            LastMileage: 45231,
          },
        ],
      ],
    ]),
  )
  fleet = createFleetClient({
    baseUrl: tenant.server.baseUrl,
    authUrl: tenant.server.authUrl,
    clientId: 'client',
    clientSecret: 'secret',
    defaultTenantId: 'tenant-1',
    timeouts: { connectMs: 500, totalMs: 2_000 },
  })
  directory = createInMemoryDirectory()
  seen = []
  welcomes = []
  const gate = createIdentityGate({
    resolver: createPersonResolver({ fleet, directory, defaultTenantId: 'tenant-1' }),
    consentStore: directory,
    contexts: createUserContextProvider({ fleet }),
    held: createMemoryHeldMessageStore(),
  })
  handler = gate(async (inbound, turn) => {
    // The welcome turn: the held request as its text, or an empty text and the menu.
    if (turn.welcome) {
      welcomes.push({ text: inbound.text ?? '', menu: turn.welcome.menu?.length ?? 0 })
      return { replies: inbound.text ? [{ text: `echo: ${inbound.text}` }] : [] }
    }
    seen.push(turn.user)
    return { replies: [{ text: `echo: ${inbound.text}` }] }
  })
})

afterEach(async () => {
  await fleet.close()
  await tenant.close()
})

describe('identity gate', () => {
  it('answers an unknown number with the fixed reply and processes nothing', async () => {
    const result = await handler(message({ from: '385991111111', text: 'Trebam auto sutra' }), context())
    expect(result.replies).toHaveLength(1)
    expect(result.replies[0]!.text).toContain('vaš broj nije registriran')
    expect(result.replies[0]!.text).toContain('administratoru voznog parka')
    expect(result.personId).toBeUndefined()
    expect(seen).toHaveLength(0)
  })

  it('answers an unknown number writing again from the negative cache, in other words', async () => {
    const first = await handler(message({ from: '385991111111', text: 'bok, trebam auto' }), context())
    const second = await handler(message({ from: '385991111111', text: 'halo?? zašto ništa' }), context())
    const third = await handler(message({ from: '385991111111', text: 'halo' }), context())
    expect(tenant.personsCalls()).toBe(1)
    const texts = [first, second, third].map((result) => result.replies[0]!.text)
    expect(texts[1]).not.toBe(texts[0])
    expect(texts[2]).not.toBe(texts[1])
    for (const text of texts) {
      expect(text).toMatch(/registriran|ne pronalazim/)
      expect(text).toContain('administrator')
    }
    expect(seen).toHaveLength(0)
  })

  it('asks for consent once, then greets with the vehicle after "Da"', async () => {
    const first = await say('Trebam auto sutra')
    expect(first.replies[0]!.text).toContain('AI asistent')
    expect(first.replies[0]!.text).toContain('Na vašu poruku odgovaram čim pristanete.')
    expect(first.replies[0]!.text).toContain('Pozdrav, Ivana')
    expect(first.replies[0]!.buttons?.map((button) => button.id)).toEqual([CONSENT_YES_ID, CONSENT_NO_ID])
    expect(first.personId).toBe('p1')
    expect((await directory.findByPhone(PHONE))?.consentAt).not.toBeNull()
    expect(tenant.masterDataCalls()).toBe(0) // no personal data beyond the lookup before consent

    const other = await say('kad je servis?')
    expect(other.replies[0]!.text).toContain('privolu')
    // Only the first request is held: this one is not promised an answer.
    expect(other.replies[0]!.text).not.toContain('odgovaram odmah')
    expect(other.replies[0]!.buttons).toHaveLength(2)

    const granted = await say('Da')
    const greeting = granted.replies[0]!.text
    expect(greeting).toContain('AI asistent')
    expect(greeting).toContain('*Škoda Octavia 2.0 TDI* (ZG-1234-AB), 45.231 km')
    expect(greeting).toContain('rezervacijom')
    // The first request sent before consent is answered right after the greeting.
    expect(greeting).toContain('„Trebam auto sutra”')
    expect(granted.replies[1]!.text).toBe('echo: Trebam auto sutra')
    expect(welcomes).toEqual([{ text: 'Trebam auto sutra', menu: 0 }])
    const stored = await directory.findByPhone(PHONE)
    expect(stored).toMatchObject({ consent: 'granted', consentAt: new Date('2026-01-15T10:00:00Z') })
    expect(seen).toHaveLength(0)

    const turn = await say('koliko imam km')
    expect(turn.replies[0]!.text).toBe('echo: koliko imam km')
    expect(turn.personId).toBe('p1')
    expect(seen[0]).toMatchObject({
      phone: PHONE,
      personId: 'p1',
      tenantId: 'tenant-1',
      displayName: 'Ivana Kovač',
      consent: 'granted',
    })
    expect(seen[0]!.vehicles.map((vehicle) => vehicle.plate)).toEqual(['ZG-1234-AB'])
    // new user, whole onboarding: one Persons call, one MasterData call
    expect(tenant.personsCalls()).toBe(1)
    expect(tenant.masterDataCalls()).toBe(1)
  })

  it('greets with the numbered menu when nothing was asked before consent', async () => {
    await say('bok')
    const granted = await say('da, slažem se')
    expect(granted.replies).toHaveLength(1)
    expect(granted.replies[0]!.text).toMatch(/1\. stanje kilometraže[\s\S]*3\. rezervacija/)
    expect(welcomes).toEqual([{ text: '', menu: 8 }])
  })

  it('drops the held request when consent is refused', async () => {
    await say('koliko imam km')
    await say('ne pristajem')
    const again = await say('Pristajem')
    expect(again.replies).toHaveLength(1)
    expect(welcomes).toEqual([{ text: '', menu: 8 }])
  })

  it('asks again on unclear answers and holds nothing but requests', async () => {
    await say('bok')
    let previous = ''
    for (const unclear of ['hm', 'možda', 'što to znači?', '👍', 'ok vidjet ću']) {
      const reply = await say(unclear)
      expect(reply.replies[0]!.text).toContain('privol')
      // Never the same reminder twice in a row.
      expect(reply.replies[0]!.text).not.toBe(previous)
      previous = reply.replies[0]!.text
      expect((await directory.findByPhone(PHONE))?.consent).toBe('unknown')
    }
    const held = await say('kad je servis')
    expect(held.replies[0]!.text).toContain('na vašu poruku odgovaram odmah nakon toga')
    const granted = await say('yes i agree')
    expect((await directory.findByPhone(PHONE))?.consent).toBe('granted')
    // Hesitations and questions about the consent are not held; the first request is, and it is answered.
    expect(granted.replies[1]!.text).toBe('echo: kad je servis')
  })

  it('does not take a "Da" before the question as consent', async () => {
    const first = await say('Da')
    expect(first.replies[0]!.buttons).toHaveLength(2)
    expect((await directory.findByPhone(PHONE))?.consent).toBe('unknown')
  })

  it('accepts the consent button', async () => {
    await say('bok')
    await press(CONSENT_YES_ID, 'Da, pristajem')
    expect((await directory.findByPhone(PHONE))?.consent).toBe('granted')
  })

  it('"Ne" stops processing until the user agrees', async () => {
    await say('bok')
    const denied = await press(CONSENT_NO_ID, 'Ne')
    expect(denied.replies[0]!.text).toContain('neću obrađivati')
    expect((await directory.findByPhone(PHONE))?.consent).toBe('denied')

    const blocked = await say('koliko imam km')
    expect(blocked.replies[0]!.text).toContain('niste dali privolu')
    expect(seen).toHaveLength(0)

    const again = await say('Pristajem')
    expect(again.replies[0]!.text).toContain('ZG-1234-AB')
    await say('koliko imam km')
    expect(seen).toHaveLength(1)
  })

  it('lets the user withdraw consent later', async () => {
    await say('bok')
    await say('da')
    const withdrawn = await say('Povuci privolu!')
    expect(withdrawn.replies[0]!.text).toContain('Privola je povučena')
    expect((await directory.findByPhone(PHONE))?.consent).toBe('denied')
    await say('koliko imam km')
    expect(seen).toHaveLength(0)
  })

  it('replies politely when MobilityOne cannot be reached', async () => {
    tenant.server.on('GET', '/tenantmgt/Persons', { status: 403, json: { message: 'scope' } })
    const result = await say('bok')
    expect(result.replies[0]!.text).toContain('pokušajte ponovno')
  })
})
