export interface BackoffOptions {
  baseDelayMs: number
  maxDelayMs: number
  /** Returns a number in [0, 1); injectable for deterministic tests. */
  random?: () => number
}

/**
 * Capped exponential backoff with "equal jitter": for the n-th retry (1-based) the ceiling is
 * min(max, base·2^(n-1)) and the delay lies in [ceiling/2, ceiling), so retries from many
 * workers spread out but never collapse to zero.
 */
export function computeBackoffDelay(retry: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
