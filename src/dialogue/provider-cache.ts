import { LRUCache } from 'lru-cache'

export interface ProviderCacheOptions {
  /** Entries kept at most: the cache never grows past this. */
  max: number
  ttlMs: number
}

export const DEFAULT_PROVIDER_CACHE: ProviderCacheOptions = { max: 10_000, ttlMs: 5 * 60_000 }

/**
 * Values resolved through the registry's provider index (e.g. the `VehicleId` a tool needs),
 * per tenant and person, bounded in size and time. Keys are normalised (lower-case, trimmed,
 * field names without separators), so `VehicleId`, `vehicleId` and `vehicle_id` share one entry.
 */
export class ProviderCache {
  private readonly cache: LRUCache<string, readonly unknown[]>

  constructor(readonly options: ProviderCacheOptions = DEFAULT_PROVIDER_CACHE) {
    this.cache = new LRUCache({ max: options.max, ttl: options.ttlMs })
  }

  static key(tenantId: string, personId: string, field: string): string {
    return `${tenantId.trim().toLowerCase()}|${personId.trim().toLowerCase()}|${field.toLowerCase().replace(/[^a-z0-9]/g, '')}`
  }

  get(tenantId: string, personId: string, field: string): readonly unknown[] | undefined {
    return this.cache.get(ProviderCache.key(tenantId, personId, field))
  }

  set(tenantId: string, personId: string, field: string, values: readonly unknown[]): void {
    this.cache.set(ProviderCache.key(tenantId, personId, field), values)
  }

  /** GDPR erase: drops every entry of one person (a scan, but only on erase and over a bounded cache). */
  forgetPerson(personId: string): number {
    const marker = `|${personId.trim().toLowerCase()}|`
    let removed = 0
    for (const key of [...this.cache.keys()]) {
      if (!key.includes(marker)) continue
      this.cache.delete(key)
      removed++
    }
    return removed
  }

  get size(): number {
    return this.cache.size
  }
}
