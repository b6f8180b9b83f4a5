import { LRUCache } from 'lru-cache'
import type { UserMapping } from '../ports/directory.ts'
import type { FleetApi } from '../ports/fleet-api.ts'
import type { UserContext, Vehicle } from '../ports/user-context.ts'
import { mapMasterDataVehicle } from './map-master-data-vehicle.ts'

export interface UserContextProviderOptions {
  fleet: Pick<FleetApi, 'getMasterData'>
  /** Bounded: at most `max` people, each for `ttlMs`. */
  cache?: { max?: number; ttlMs?: number }
}

export interface UserContextProvider {
  /** Person + tenant from the mapping, vehicles from MasterData (one call when cold, none when warm). */
  get(mapping: UserMapping): Promise<UserContext>
  /** After our own mutation that changes what MasterData returns (mileage, booking). */
  invalidate(personId: string): void
}

export function createUserContextProvider(options: UserContextProviderOptions): UserContextProvider {
  const vehicles = new LRUCache<string, Vehicle[]>({
    max: options.cache?.max ?? 10_000,
    ttl: options.cache?.ttlMs ?? 5 * 60_000,
  })
  const inFlight = new Map<string, Promise<Vehicle[]>>()
  // Bumped by invalidate: a load that started before it must not refill the cache with old data.
  const generations = new LRUCache<string, number>({ max: options.cache?.max ?? 10_000 })

  async function load(mapping: UserMapping): Promise<Vehicle[]> {
    const generation = generations.get(mapping.personId) ?? 0
    const records = await options.fleet.getMasterData(mapping.personId, { tenantId: mapping.tenantId })
    const loaded = records.map(mapMasterDataVehicle)
    if ((generations.get(mapping.personId) ?? 0) === generation) vehicles.set(mapping.personId, loaded)
    return loaded
  }

  return {
    async get(mapping) {
      let list = vehicles.get(mapping.personId)
      if (!list) {
        let pending = inFlight.get(mapping.personId)
        if (!pending) {
          pending = load(mapping).finally(() => inFlight.delete(mapping.personId))
          inFlight.set(mapping.personId, pending)
        }
        list = await pending
      }
      return {
        phone: mapping.phone,
        personId: mapping.personId,
        tenantId: mapping.tenantId,
        displayName: mapping.displayName,
        vehicles: list,
        consent: mapping.consent,
        role: mapping.role ?? 'driver',
      }
    },
    invalidate(personId) {
      vehicles.delete(personId)
      inFlight.delete(personId)
      generations.set(personId, (generations.get(personId) ?? 0) + 1)
    },
  }
}
