export { buildFleetQuery, type PagingLimits } from './build-fleet-query.ts'
export { buildFleetUrl, FleetUrlError } from './build-fleet-url.ts'
export {
  createFleetClient,
  DEFAULT_FLEET_BREAKER,
  DEFAULT_FLEET_PAGING,
  DEFAULT_FLEET_RETRY,
  type FleetBreakerOptions,
  type FleetCircuitState,
  type FleetClient,
  type FleetClientOptions,
  type FleetRetryOptions,
} from './create-fleet-client.ts'
export { encodeFilterCondition, FilterFieldError, filter } from './filter.ts'
export * from './fleet-errors.ts'
export { createFleetMetrics, type FleetMetrics, type FleetStatusClass } from './fleet-metrics.ts'
export { fleetOptionsFromConfig } from './fleet-options-from-config.ts'
export { mapFleetError, parseRetryAfter, readUpstreamMessage } from './map-fleet-error.ts'
export { createRedisTokenStore, fleetTokenKeys } from './redis-token-store.ts'
export { createTokenProvider, type TokenProvider, type TokenProviderOptions } from './token-provider.ts'
export type { CachedToken, TokenStore } from './token-store.ts'
export { unwrapFleetList } from './unwrap-fleet-list.ts'
