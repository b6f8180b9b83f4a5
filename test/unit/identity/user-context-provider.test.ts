import { describe, expect, it } from 'vitest'
import { createUserContextProvider } from '../../../src/identity/user-context-provider.ts'
import type { UserMapping } from '../../../src/ports/directory.ts'
import type { MasterDataVehicle } from '../../../src/ports/fleet-api.ts'

const mapping: UserMapping = {
  phone: '385912345678',
  personId: 'p1',
  tenantId: 't1',
  displayName: 'Ana',
  consent: 'granted',
  consentAt: new Date(),
  active: true,
  role: 'driver',
}

function fakeFleet(vehicles: MasterDataVehicle[], delayMs = 0) {
  const calls: { personId: string; tenantId?: string }[] = []
  return {
    calls,
    fleet: {
      async getMasterData(personId: string, options?: { tenantId?: string }) {
        calls.push({ personId, tenantId: options?.tenantId })
        await new Promise((resolve) => setTimeout(resolve, delayMs))
        return vehicles
      },
    },
  }
}

describe('user context provider', () => {
  it('loads vehicles once (cold: one call, warm: none), in the user tenant', async () => {
    const { fleet, calls } = fakeFleet([
      { Id: 'v1', Manufacturer: 'Škoda', Model: 'Octavia', LastMileage: 1200 },
    ])
    const provider = createUserContextProvider({ fleet })
    const user = await provider.get(mapping)
    expect(user.vehicles).toEqual([
      expect.objectContaining({ id: 'v1', name: 'Škoda Octavia', mileageKm: 1200, plate: undefined }),
    ])
    await provider.get(mapping)
    expect(calls).toEqual([{ personId: 'p1', tenantId: 't1' }])
  })

  it('shares one call among concurrent cold reads', async () => {
    const { fleet, calls } = fakeFleet([], 20)
    const provider = createUserContextProvider({ fleet })
    await Promise.all(Array.from({ length: 20 }, () => provider.get(mapping)))
    expect(calls).toHaveLength(1)
  })

  it('reloads after invalidate and after the TTL', async () => {
    const { fleet, calls } = fakeFleet([{ Id: 'v1' }, { Id: 'v2', DisplayName: 'Golf' }])
    const provider = createUserContextProvider({ fleet, cache: { ttlMs: 100 } })
    expect((await provider.get(mapping)).vehicles.map((vehicle) => vehicle.name)).toEqual(['vozilo', 'Golf'])
    provider.invalidate('p1')
    await provider.get(mapping)
    expect(calls).toHaveLength(2)
    await new Promise((resolve) => setTimeout(resolve, 150))
    await provider.get(mapping)
    expect(calls).toHaveLength(3)
  })

  it('does not let a load that started before invalidate refill the cache', async () => {
    const { fleet, calls } = fakeFleet([], 30)
    const provider = createUserContextProvider({ fleet })
    const stale = provider.get(mapping)
    provider.invalidate('p1')
    await stale
    await provider.get(mapping)
    expect(calls).toHaveLength(2)
  })
})
