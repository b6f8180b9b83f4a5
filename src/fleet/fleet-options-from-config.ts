import type { Config } from '../app/config/index.ts'
import type { FleetClientOptions } from './create-fleet-client.ts'

/**
 * Client options from validated config, for a real tenant. Returns undefined when MOBILITY_API_URL
 * is unset (the composition root then starts the sandbox and passes its URL and credentials).
 */
export function fleetOptionsFromConfig(
  config: Config,
  overrides: Partial<FleetClientOptions> = {},
): FleetClientOptions | undefined {
  const baseUrl = overrides.baseUrl ?? config.MOBILITY_API_URL
  if (!baseUrl) return undefined
  return {
    baseUrl,
    authUrl: config.MOBILITY_AUTH_URL ?? `${baseUrl.replace(/\/+$/, '')}/sso/connect/token`,
    clientId: config.MOBILITY_CLIENT_ID ?? '',
    clientSecret: config.MOBILITY_CLIENT_SECRET ?? '',
    defaultTenantId: config.MOBILITY_TENANT_ID ?? '',
    timeouts: { connectMs: config.MOBILITY_CONNECT_TIMEOUT_MS, totalMs: config.MOBILITY_TIMEOUT_MS },
    retry: {
      maxAttempts: config.MOBILITY_RETRY_MAX_ATTEMPTS,
      baseDelayMs: config.MOBILITY_RETRY_BASE_DELAY_MS,
      maxDelayMs: config.MOBILITY_RETRY_MAX_DELAY_MS,
      maxRetryAfterMs: config.MOBILITY_RETRY_AFTER_MAX_MS,
    },
    breaker: {
      threshold: config.MOBILITY_BREAKER_THRESHOLD,
      halfOpenAfterMs: config.MOBILITY_BREAKER_HALF_OPEN_MS,
    },
    paging: { defaultRows: config.MOBILITY_PAGE_SIZE, maxRows: config.MOBILITY_PAGE_SIZE_MAX },
    tokenMarginMs: config.MOBILITY_TOKEN_MARGIN_SECONDS * 1000,
    connections: config.MOBILITY_POOL_CONNECTIONS,
    ...overrides,
  }
}
