import type { Dispatcher } from 'undici'
import { FleetAuthError, FleetProtocolError, FleetUnavailableError } from './fleet-errors.ts'
import type { FleetMetrics } from './fleet-metrics.ts'
import { readUpstreamMessage } from './map-fleet-error.ts'
import { sendFleetHttp } from './send-fleet-http.ts'
import type { CachedToken, TokenStore } from './token-store.ts'

export interface TokenProviderOptions {
  authUrl: string
  clientId: string
  clientSecret: string
  dispatcher: Dispatcher
  timeoutMs: number
  /** Stop using a token this long before it expires (at most half its lifetime). */
  marginMs?: number
  store?: TokenStore
  /** How long another process may hold the refresh lock before we fetch ourselves. */
  lockWaitMs?: number
  lockPollMs?: number
  metrics?: FleetMetrics
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

export interface TokenProvider {
  getToken(): Promise<string>
  /** After a 401: forget this token here and in the shared store (unless already replaced). */
  invalidate(accessToken: string): Promise<void>
}

const OPERATION = 'POST sso/token'

/** OAuth2 client credentials with a memory cache, single flight, and an optional shared store. */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const marginMs = options.marginMs ?? 60_000
  const lockWaitMs = options.lockWaitMs ?? Math.max(options.timeoutMs, 1000)
  const lockPollMs = options.lockPollMs ?? 25
  const store = options.store
  let current: CachedToken | undefined
  let inFlight: Promise<CachedToken> | undefined

  const valid = (token: CachedToken | undefined): token is CachedToken => !!token && token.refreshAt > now()

  // A shared store that is down must not take API calls down with it: treat as a miss.
  async function fromStore(): Promise<CachedToken | undefined> {
    if (!store) return undefined
    try {
      const token = await store.get()
      return valid(token) ? token : undefined
    } catch {
      return undefined
    }
  }

  async function fetchToken(): Promise<CachedToken> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      audience: 'none',
    })
    const started = now()
    let response: Awaited<ReturnType<typeof sendFleetHttp>>
    try {
      response = await sendFleetHttp({
        dispatcher: options.dispatcher,
        method: 'POST',
        url: options.authUrl,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        totalTimeoutMs: options.timeoutMs,
        operation: OPERATION,
      })
    } catch (error) {
      options.metrics?.tokenFetched('error')
      throw error
    }
    let body: unknown
    try {
      body = response.contentType.includes('html') ? undefined : JSON.parse(response.text)
    } catch {
      body = undefined
    }
    const status = response.status
    if (status >= 500) {
      options.metrics?.tokenFetched('error')
      throw new FleetUnavailableError(`${OPERATION} failed with HTTP ${status}`, {
        status,
        operation: OPERATION,
        upstreamMessage: readUpstreamMessage(body),
      })
    }
    const record = body as { access_token?: unknown; expires_in?: unknown } | undefined
    if (status >= 400 || response.contentType.includes('html') || typeof record?.access_token !== 'string') {
      options.metrics?.tokenFetched('rejected')
      if (status < 400 && !response.contentType.includes('html') && body !== undefined) {
        throw new FleetProtocolError(`${OPERATION} returned no access_token`, {
          status,
          operation: OPERATION,
        })
      }
      throw new FleetAuthError(`${OPERATION} rejected the client credentials`, {
        status,
        operation: OPERATION,
        upstreamMessage: readUpstreamMessage(body),
      })
    }
    options.metrics?.tokenFetched('ok')
    const expiresInMs = Math.max(1, Number(record.expires_in) || 300) * 1000
    const lifetime = Math.max(expiresInMs - marginMs, expiresInMs / 2)
    return { accessToken: record.access_token, refreshAt: started + lifetime }
  }

  async function fetchAndShare(): Promise<CachedToken> {
    const token = await fetchToken()
    try {
      await store?.set(token)
    } catch {
      // Shared store unavailable: this process still has its token.
    }
    return token
  }

  async function refresh(): Promise<CachedToken> {
    if (!store) return fetchToken()
    const deadline = now() + lockWaitMs
    for (;;) {
      const shared = await fromStore()
      if (shared) return shared
      let release: (() => Promise<void>) | undefined
      try {
        release = await store.tryLock(options.timeoutMs + 1000)
      } catch {
        return fetchToken()
      }
      if (release) {
        try {
          // Another process may have stored a token between our read and the lock.
          return (await fromStore()) ?? (await fetchAndShare())
        } finally {
          await release().catch(() => {})
        }
      }
      if (now() >= deadline) return fetchAndShare()
      await sleep(lockPollMs)
    }
  }

  return {
    async getToken() {
      if (valid(current)) return current.accessToken
      if (!inFlight) {
        inFlight = refresh()
          .then((token) => {
            current = token
            return token
          })
          .finally(() => {
            inFlight = undefined
          })
      }
      return (await inFlight).accessToken
    },
    async invalidate(accessToken: string) {
      if (current?.accessToken === accessToken) current = undefined
      try {
        await store?.discard(accessToken)
      } catch {
        // Nothing to do: the token expires on its own.
      }
    },
  }
}
