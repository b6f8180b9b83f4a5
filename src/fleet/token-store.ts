/** An access token and the moment we stop using it (expiry minus the safety margin), epoch ms. */
export interface CachedToken {
  accessToken: string
  refreshAt: number
}

/** Where processes share the MobilityOne token, so N processes fetch one token. */
export interface TokenStore {
  get(): Promise<CachedToken | undefined>
  set(token: CachedToken): Promise<void>
  /** Drops the stored token only while it is still `accessToken` (a newer one stays). */
  discard(accessToken: string): Promise<void>
  /** One refresher across processes: a release function, or undefined while another holds it. */
  tryLock(ttlMs: number): Promise<(() => Promise<void>) | undefined>
}
