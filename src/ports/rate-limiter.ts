/** One counted message of a phone. */
export interface RateLimitHit {
  /** How many messages this phone sent in the current window, this one included. */
  count: number
  /** Epoch ms when the current window ends: the count starts over then, so a limited phone may write again. */
  resetAt: number
}

/** Fixed-window counter per phone, shared by all workers. */
export interface RateLimiter {
  /** Counts one message and says where the phone stands in the current window. */
  hit(phone: string): Promise<RateLimitHit>
  /** Forgets a phone (GDPR erase). */
  forget(phone: string): Promise<void>
}
