import { describe, expect, it } from 'vitest'
import { createAccessPolicy } from '../../../src/fleet/access/create-access-policy.ts'
import { AccessDeniedError, FleetNotFoundError } from '../../../src/fleet/fleet-errors.ts'
import type { AccessSubject } from '../../../src/ports/access-policy.ts'
import type { FleetApi, FleetRequest } from '../../../src/ports/fleet-api.ts'

// Records the policy reads by id; a write would be a failure of the check itself.
const records: Record<string, Record<string, unknown>> = {
  '/VehicleCalendar/{id}:41': { Id: 41, AssignedToId: 'ivan' },
  '/VehicleCalendar/{id}:42': { Id: 42, AssignedToId: 'marko' },
  '/Cases/{id}:7': { Id: 7, RaisedByAssigneeId: 'ivan' },
  '/Cases/{id}:8': { Id: 8, RaisedByAssigneeId: 'marko' },
}
const calls: string[] = []
const fleet = new Proxy({} as FleetApi, {
  get(_target, name) {
    if (name === 'request')
      return async (request: FleetRequest) => {
        calls.push(`${request.method} ${request.path}`)
        const record = records[`${request.path}:${request.pathParams?.id}`]
        if (!record) throw new FleetNotFoundError('missing', { status: 404 })
        return record
      }
    if (name === 'getAvailableVehicles')
      return async () => {
        calls.push('available')
        return { items: [{ Id: 'pool-1' }], count: 1 }
      }
    return () => {
      throw new Error(`the check must not call ${String(name)}`)
    }
  },
})
const ivan: AccessSubject = {
  personId: 'ivan',
  tenantId: 't1',
  role: 'driver',
  vehicles: [{ id: 'octavia', plate: 'ZG-5521-KL' }],
}
const scoped = createAccessPolicy({ fleet }).forUser(ivan)
const period = { from: '2026-03-10T08:00:00', to: '2026-03-10T16:00:00' }

describe('checkWrite: every template write is checked before its confirmation', () => {
  it('a booking takes a free pool car of that period or the user’s own car', async () => {
    await expect(
      scoped.checkWrite({ kind: 'booking', booking: { personId: 'ivan', vehicleId: 'pool-1', ...period } }),
    ).resolves.toBeUndefined()
    await expect(
      scoped.checkWrite({ kind: 'booking', booking: { personId: 'ivan', vehicleId: 'octavia', ...period } }),
    ).resolves.toBeUndefined()
    await expect(
      scoped.checkWrite({ kind: 'booking', booking: { personId: 'ivan', vehicleId: 'busy-9', ...period } }),
    ).rejects.toBeInstanceOf(FleetNotFoundError)
  })

  it('mileage only for the user’s own vehicle', async () => {
    await expect(
      scoped.checkWrite({ kind: 'mileage', mileage: { vehicleId: 'octavia', value: 45_500 } }),
    ).resolves.toBeUndefined()
    await expect(
      scoped.checkWrite({ kind: 'mileage', mileage: { vehicleId: 'passat', value: 45_500 } }),
    ).rejects.toBeInstanceOf(FleetNotFoundError)
  })

  it('a damage report naming another driver’s plate is refused', async () => {
    const own = { personId: 'ivan', subject: 'Šteta', message: 'ogrebotina\n\nVozilo: Octavia (ZG-5521-KL)' }
    await expect(scoped.checkWrite({ kind: 'case', newCase: own })).resolves.toBeUndefined()
    const foreign = { ...own, message: 'udario sam ZG-1234-AB' }
    await expect(scoped.checkWrite({ kind: 'case', newCase: foreign })).rejects.toBeInstanceOf(
      AccessDeniedError,
    )
  })

  it('a delete reads the record and checks its owner', async () => {
    await expect(scoped.checkWrite({ kind: 'delete', record: 'booking', id: 41 })).resolves.toBeUndefined()
    await expect(scoped.checkWrite({ kind: 'delete', record: 'booking', id: 42 })).rejects.toBeInstanceOf(
      FleetNotFoundError,
    )
    await expect(scoped.checkWrite({ kind: 'delete', record: 'case', id: 7 })).resolves.toBeUndefined()
    await expect(scoped.checkWrite({ kind: 'delete', record: 'case', id: 8 })).rejects.toBeInstanceOf(
      FleetNotFoundError,
    )
    await expect(scoped.checkWrite({ kind: 'delete', record: 'trip', id: 99 })).rejects.toBeInstanceOf(
      FleetNotFoundError,
    )
    expect(calls.filter((call) => call.startsWith('GET'))).toHaveLength(5)
    expect(calls.every((call) => call.startsWith('GET') || call === 'available')).toBe(true)
  })
})
