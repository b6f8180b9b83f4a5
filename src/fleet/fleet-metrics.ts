import { Counter, Gauge, Histogram, type Registry } from 'prom-client'

export type FleetStatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'timeout' | 'network' | 'circuit_open' | 'html'

export interface FleetMetrics {
  /** One upstream attempt (or a fast failure of an open circuit). */
  attempt(
    labels: { operation: string; service: string; method: string },
    statusClass: FleetStatusClass,
    seconds: number,
  ): void
  retry(operation: string): void
  tokenFetched(outcome: 'ok' | 'rejected' | 'error'): void
  circuitState(service: string, state: 'closed' | 'half-open' | 'open'): void
}

const CIRCUIT_VALUES = { closed: 0, 'half-open': 1, open: 2 } as const

// Several clients may share one registry (tests, two tenants): reuse a metric already registered.
function metric<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create()
}

/** prom-client metrics for fleet calls; labels use the path template, so cardinality is bounded. */
export function createFleetMetrics(registry: Registry): FleetMetrics {
  const requests = metric(
    registry,
    'm1_fleet_requests_total',
    () =>
      new Counter({
        name: 'm1_fleet_requests_total',
        help: 'MobilityOne API attempts by operation and status class',
        labelNames: ['operation', 'service', 'method', 'status_class'] as const,
        registers: [registry],
      }),
  )
  const duration = metric(
    registry,
    'm1_fleet_request_duration_seconds',
    () =>
      new Histogram({
        name: 'm1_fleet_request_duration_seconds',
        help: 'MobilityOne API attempt latency',
        labelNames: ['operation', 'service', 'status_class'] as const,
        buckets: [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8],
        registers: [registry],
      }),
  )
  const retries = metric(
    registry,
    'm1_fleet_retries_total',
    () =>
      new Counter({
        name: 'm1_fleet_retries_total',
        help: 'MobilityOne API retries by operation',
        labelNames: ['operation'] as const,
        registers: [registry],
      }),
  )
  const tokens = metric(
    registry,
    'm1_fleet_token_requests_total',
    () =>
      new Counter({
        name: 'm1_fleet_token_requests_total',
        help: 'OAuth token requests by outcome',
        labelNames: ['outcome'] as const,
        registers: [registry],
      }),
  )
  const circuit = metric(
    registry,
    'm1_fleet_circuit_state',
    () =>
      new Gauge({
        name: 'm1_fleet_circuit_state',
        help: 'Circuit breaker per service: 0 closed, 1 half-open, 2 open',
        labelNames: ['service'] as const,
        registers: [registry],
      }),
  )
  return {
    attempt(labels, statusClass, seconds) {
      requests.inc({ ...labels, status_class: statusClass })
      duration.observe(
        { operation: labels.operation, service: labels.service, status_class: statusClass },
        seconds,
      )
    },
    retry(operation) {
      retries.inc({ operation })
    },
    tokenFetched(outcome) {
      tokens.inc({ outcome })
    },
    circuitState(service, state) {
      circuit.set({ service }, CIRCUIT_VALUES[state])
    },
  }
}
