import { createFleetClient, type FleetClient } from '../fleet/create-fleet-client.ts'
import { createRedisTokenStore } from '../fleet/redis-token-store.ts'
import { startSandbox } from '../sandbox/mobilityone/start-sandbox.ts'
import type { Adapters } from './create-adapters.ts'

export interface FleetAccess {
  fleet: FleetClient
  /** Base URL of the API (the in-process sandbox's when MOBILITY_API_URL is unset). */
  apiUrl: string
  defaultTenantId: string
  tenantIds: string[]
}

/**
 * The MobilityOne client from the config; without MOBILITY_API_URL the simulated tenant starts
 * in this process (loopback HTTP) so the one-command local run needs nothing else.
 */
export async function createFleetAccess(adapters: Adapters): Promise<FleetAccess> {
  const { config } = adapters
  let apiUrl = config.MOBILITY_API_URL
  let authUrl = config.MOBILITY_AUTH_URL
  let clientId = config.MOBILITY_CLIENT_ID
  let clientSecret = config.MOBILITY_CLIENT_SECRET
  let tenantIds = (config.IDENTITY_TENANT_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  let defaultTenantId = config.MOBILITY_TENANT_ID ?? tenantIds[0]
  if (!apiUrl) {
    const sandbox = await startSandbox({
      seed: config.SANDBOX_SEED,
      latencyMs: config.SANDBOX_LATENCY_MS,
      latencyJitterMs: config.SANDBOX_LATENCY_JITTER_MS,
      tokenTtlSeconds: config.SANDBOX_TOKEN_TTL_SECONDS,
      ...(config.SANDBOX_SPECS_DIR ? { specsDir: config.SANDBOX_SPECS_DIR } : {}),
    })
    adapters.onClose(() => sandbox.close())
    adapters.log.info({ url: sandbox.url }, 'simulated MobilityOne tenant started in-process')
    apiUrl = sandbox.url
    authUrl = `${sandbox.url}/sso/connect/token`
    clientId = sandbox.clientId
    clientSecret = sandbox.clientSecret
    tenantIds = tenantIds.length > 0 ? tenantIds : sandbox.tenantIds
    defaultTenantId = defaultTenantId ?? sandbox.tenantIds[0]
  }
  if (!defaultTenantId) throw new Error('MOBILITY_TENANT_ID is required with MOBILITY_API_URL')
  const fleet = createFleetClient({
    baseUrl: apiUrl,
    authUrl: authUrl ?? `${apiUrl.replace(/\/+$/, '')}/sso/connect/token`,
    clientId: clientId ?? '',
    clientSecret: clientSecret ?? '',
    defaultTenantId,
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
    metrics: adapters.metrics.registry,
    ...(adapters.redis
      ? {
          tokenStore: createRedisTokenStore({
            redis: adapters.redis,
            prefix: config.REDIS_PREFIX,
            clientId: clientId ?? '',
          }),
        }
      : {}),
  })
  adapters.onClose(() => fleet.close())
  return { fleet, apiUrl, defaultTenantId, tenantIds: tenantIds.length > 0 ? tenantIds : [defaultTenantId] }
}
