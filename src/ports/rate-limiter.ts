/** Fixed-window counter per phone, shared by all workers. */
export interface RateLimiter {
  /** Counts one message and returns how many this phone sent in the current window (this one included). */
  hit(phone: string): Promise<number>
  /** Forgets a phone (GDPR erase). */
  forget(phone: string): Promise<void>
}
