/**
 * The message a new user sent before answering the consent question ("koliko imam km" as the
 * very first message), kept with the pending consent and answered once consent is granted.
 * Dropped when consent is refused, and expiring on its own: it is personal data we hold only to
 * answer it.
 */
export interface HeldMessage {
  text: string
  /** Epoch ms when it arrived. */
  at: number
}

export interface HeldMessageStore {
  /**
   * Keeps the message for a phone, unless one is held already (the first request is the one to
   * answer); true when this message is the one held now.
   */
  hold(phone: string, message: HeldMessage): Promise<boolean>
  /** The held message, removed in the same step; undefined when there is none or it expired. */
  take(phone: string): Promise<HeldMessage | undefined>
  /** Forgets it (consent refused, GDPR erase). */
  drop(phone: string): Promise<void>
}

/** How long a held message waits for the consent answer. */
export const HELD_MESSAGE_TTL_SECONDS = 60 * 60
