import { eq } from 'drizzle-orm'
import type { Db } from '../db/database.ts'
import { userMappings } from '../db/schema.ts'
import type { Consent, ConsentStore, Directory, NewUserMapping, UserMapping } from '../ports/directory.ts'

type Row = typeof userMappings.$inferSelect

function toMapping(row: Row): UserMapping {
  return {
    phone: row.phone,
    personId: row.personId,
    tenantId: row.tenantId,
    displayName: row.displayName,
    consent: row.consent,
    consentAt: row.consentAt,
    active: row.active,
    role: row.role,
  }
}

/** The directory and consent store over `user_mappings` (PostgreSQL or PGlite). */
export function createDrizzleDirectory(db: Db): Directory & ConsentStore {
  return {
    async findByPhone(phone) {
      const rows = await db.select().from(userMappings).where(eq(userMappings.phone, phone)).limit(1)
      return rows[0] ? toMapping(rows[0]) : undefined
    },

    async upsert(mapping: NewUserMapping) {
      const now = new Date()
      const rows = await db
        .insert(userMappings)
        .values({ ...mapping, updatedAt: now })
        .onConflictDoUpdate({
          target: userMappings.phone,
          set: {
            personId: mapping.personId,
            tenantId: mapping.tenantId,
            displayName: mapping.displayName,
            role: mapping.role ?? 'driver',
            active: true,
            updatedAt: now,
          },
        })
        .returning()
      return toMapping(rows[0]!)
    },

    async setConsent(phone: string, consent: Consent, at: Date) {
      const rows = await db
        .update(userMappings)
        .set({ consent, consentAt: at, updatedAt: at })
        .where(eq(userMappings.phone, phone))
        .returning()
      return rows[0] ? toMapping(rows[0]) : undefined
    },
  }
}
