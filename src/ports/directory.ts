import type { Role } from './access-policy.ts'

/** Phone -> MobilityOne person mappings (the `user_mappings` table); known numbers never cost an API call. */

export type Consent = 'unknown' | 'granted' | 'denied'

export interface UserMapping {
  /** E.164 digits without '+'. */
  phone: string
  personId: string
  tenantId: string
  displayName: string
  consent: Consent
  /**
   * When consent was last answered. With consent 'unknown' it records when we asked, so the
   * question is asked once and a bare "Da" before the question is not taken as consent.
   */
  consentAt: Date | null
  active: boolean
  role: Role
}

export interface NewUserMapping {
  phone: string
  personId: string
  tenantId: string
  displayName: string
  /** Refreshed at every identification from MobilityOne; `driver` when absent. */
  role?: Role
}

export interface Directory {
  findByPhone(phone: string): Promise<UserMapping | undefined>
  /** Inserts or refreshes person, tenant and name; keeps the stored consent. */
  upsert(mapping: NewUserMapping): Promise<UserMapping>
}

export interface ConsentStore {
  setConsent(phone: string, consent: Consent, at: Date): Promise<UserMapping | undefined>
}
