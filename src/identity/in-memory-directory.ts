import type { Consent, ConsentStore, Directory, NewUserMapping, UserMapping } from '../ports/directory.ts'

/** Map-backed twin of the drizzle directory, for unit tests and benchmarks. */
export function createInMemoryDirectory(
  initial: UserMapping[] = [],
): Directory & ConsentStore & { readonly size: number } {
  const rows = new Map(initial.map((mapping) => [mapping.phone, { ...mapping }]))
  return {
    get size() {
      return rows.size
    },
    async findByPhone(phone) {
      const row = rows.get(phone)
      return row ? { ...row } : undefined
    },
    async upsert(mapping: NewUserMapping) {
      const existing = rows.get(mapping.phone)
      const row: UserMapping = {
        consent: 'unknown',
        consentAt: null,
        ...existing,
        ...mapping,
        role: mapping.role ?? 'driver',
        active: true,
      }
      rows.set(mapping.phone, row)
      return { ...row }
    },
    async setConsent(phone: string, consent: Consent, at: Date) {
      const row = rows.get(phone)
      if (!row) return undefined
      row.consent = consent
      row.consentAt = at
      return { ...row }
    },
  }
}
