/** Who a data-rights request is about. The phone is the key; person id and name widen the search. */
export interface DataSubject {
  /** E.164 digits without '+'. */
  phone: string
  personId?: string
  displayName?: string
  /** Opaque id that replaces the person in records that must stay (the audit trail of the erase). */
  reference?: string
}

/**
 * Anything that keeps personal data registers one of these (dialogue state, identity caches, queues,
 * outboxes...), so a GDPR erase or export reaches every store without the admin knowing them.
 */
export interface PersonalDataHolder {
  /** Shown in the export and the erase report, e.g. "database", "redis:dlq". */
  name: string
  /** Everything this holder keeps about the subject, as JSON-serialisable data. */
  export?(subject: DataSubject): Promise<unknown>
  /** Removes or anonymises the subject's data; returns how many items were removed. */
  erase(subject: DataSubject): Promise<number>
}

export interface PersonalDataRegistry {
  register(holder: PersonalDataHolder): void
  holders(): readonly PersonalDataHolder[]
}
