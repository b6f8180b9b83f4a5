import type { CountryCode } from 'libphonenumber-js'
import { LRUCache } from 'lru-cache'
import type { Role } from '../ports/access-policy.ts'
import type { Directory, UserMapping } from '../ports/directory.ts'
import type { FleetApi, Person } from '../ports/fleet-api.ts'
import { normalizePhone } from './normalize-phone.ts'
import { phoneSpellings, samePhone } from './phone-spellings.ts'

export type Resolution =
  | { status: 'registered'; mapping: UserMapping }
  | {
      status: 'not-registered'
      phone: string
      /**
       * How many earlier messages from this number the negative cache already answered: 0 when
       * this message's lookup found the number unknown, 1 for the next message within
       * `negativeTtlMs`, and so on (the reply can then differ from the one just sent).
       */
      repeat: number
    }
  | { status: 'invalid' }

export interface PersonResolverOptions {
  fleet: Pick<FleetApi, 'findPersonsByPhones'>
  directory: Directory
  /** Tenant searched for new numbers, and stored when the person record names none. */
  defaultTenantId: string
  /**
   * Tenants searched in order for a new number (default: just the default tenant). A person of the
   * first tenant costs one call; an unknown number costs one call per tenant.
   */
  tenantIds?: readonly string[]
  /**
   * Bounded: at most `max` phones, each for `ttlMs`; unknown numbers for `negativeTtlMs` (the
   * negative cache, in the same LRU), so their next messages make no Persons call.
   */
  cache?: { max?: number; ttlMs?: number; negativeTtlMs?: number }
  defaultRegion?: CountryCode
  /** The user's role from the person record (see role-of-person.ts); `driver` when absent. */
  roleOf?: (person: Person) => Role
}

export interface PersonResolver {
  resolve(rawPhone: string): Promise<Resolution>
  /** After our own write to the mapping (consent): keep the cache in step with the table. */
  remember(mapping: UserMapping): void
  forget(phone: string): void
}

/** `answered`: messages answered from this negative entry after the lookup that stored it. */
type CacheEntry = { mapping: UserMapping } | { notRegistered: true; answered: number }

function displayNameOf(person: Person): string {
  const full = [person.FirstName, person.LastName].filter(Boolean).join(' ').trim()
  return full || person.DisplayName?.trim() || ''
}

/**
 * Phone -> person: bounded TTL cache, then the mappings table, then one Persons call carrying
 * every spelling (verified on the last 9 digits), then the mapping is stored. Concurrent lookups
 * of one number share a single flight.
 */
export function createPersonResolver(options: PersonResolverOptions): PersonResolver {
  const ttlMs = options.cache?.ttlMs ?? 10 * 60_000
  const negativeTtlMs = options.cache?.negativeTtlMs ?? 5 * 60_000
  const cache = new LRUCache<string, CacheEntry>({ max: options.cache?.max ?? 10_000, ttl: ttlMs })
  const inFlight = new Map<string, Promise<Resolution>>()
  const tenants = options.tenantIds?.length ? [...new Set(options.tenantIds)] : [options.defaultTenantId]

  function notRegistered(): CacheEntry {
    return { notRegistered: true, answered: 0 }
  }

  /** A cache hit: a negative entry counts the message it answers (its TTL is not renewed). */
  function fromCache(phone: string, entry: CacheEntry): Resolution {
    if ('mapping' in entry) return { status: 'registered', mapping: entry.mapping }
    entry.answered++
    return { status: 'not-registered', phone, repeat: entry.answered }
  }

  async function lookup(phone: string): Promise<Resolution> {
    const stored = await options.directory.findByPhone(phone)
    if (stored) {
      // A mapping switched off by an operator stays off: no API call brings it back.
      if (stored.active) {
        cache.set(phone, { mapping: stored })
        return { status: 'registered', mapping: stored }
      }
      cache.set(phone, notRegistered())
      return { status: 'not-registered', phone, repeat: 0 }
    }
    const spellings = phoneSpellings(phone)
    let person: Person | undefined
    let tenantId = options.defaultTenantId
    for (const tenant of tenants) {
      const persons = await options.fleet.findPersonsByPhones(spellings, { tenantId: tenant })
      person = persons
        .filter(
          (candidate) =>
            candidate?.Id && (samePhone(candidate.Phone, phone) || samePhone(candidate.Mobile, phone)),
        )
        .sort((left, right) => String(left.Id).localeCompare(String(right.Id)))[0]
      if (person) {
        tenantId = tenant
        break
      }
    }
    if (!person) {
      cache.set(phone, notRegistered(), { ttl: negativeTtlMs })
      return { status: 'not-registered', phone, repeat: 0 }
    }
    const mapping = await options.directory.upsert({
      phone,
      personId: String(person.Id),
      tenantId,
      displayName: displayNameOf(person),
      role: options.roleOf?.(person) ?? 'driver',
    })
    cache.set(phone, { mapping })
    return { status: 'registered', mapping }
  }

  return {
    async resolve(rawPhone) {
      const phone = normalizePhone(rawPhone, options.defaultRegion ?? 'HR')
      if (!phone) return { status: 'invalid' }
      const cached = cache.get(phone)
      if (cached) return fromCache(phone, cached)
      let pending = inFlight.get(phone)
      if (!pending) {
        pending = lookup(phone).finally(() => inFlight.delete(phone))
        inFlight.set(phone, pending)
      }
      return pending
    },
    remember(mapping) {
      cache.set(mapping.phone, mapping.active ? { mapping } : notRegistered())
    },
    forget(phone) {
      cache.delete(phone)
    },
  }
}
