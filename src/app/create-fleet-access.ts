import { createFleetClient, type FleetClient } from '../fleet/create-fleet-client.ts'
import { fleetOptionsFromConfig } from '../fleet/fleet-options-from-config.ts'
import { createRedisTokenStore } from '../fleet/redis-token-store.ts'
import type { Adapters } from './create-adapters.ts'

export interface FleetAccess {
  fleet: FleetClient
  /** Base URL of the API (the in-process sandbox's when MOBILITY_API_URL is unset). */
  apiUrl: string
  defaultTenantId: string
  tenantIds: string[]
}

/** The MobilityOne client from the effective config (a live tenant or the in-process simulated one). */
export async function createFleetAccess(adapters: Adapters): Promise<FleetAccess> {
  const { config } = adapters
  // createAdapters points MOBILITY_* at the in-process simulated tenant when no API is configured.
  const options = fleetOptionsFromConfig(config, { metrics: adapters.metrics.registry })
  if (!options) throw new Error('MOBILITY_API_URL is not set and no simulated tenant was started')
  const tenantIds = (config.IDENTITY_TENANT_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  const defaultTenantId = options.defaultTenantId || tenantIds[0]
  if (!defaultTenantId) throw new Error('MOBILITY_TENANT_ID is required with MOBILITY_API_URL')
  const fleet = createFleetClient({
    ...options,
    defaultTenantId,
    ...(adapters.redis
      ? {
          tokenStore: createRedisTokenStore({
            redis: adapters.redis,
            prefix: config.REDIS_PREFIX,
            clientId: options.clientId,
          }),
        }
      : {}),
  })
  adapters.onClose(() => fleet.close())
  return {
    fleet,
    apiUrl: options.baseUrl,
    defaultTenantId,
    tenantIds: tenantIds.length > 0 ? tenantIds : [defaultTenantId],
  }
}
