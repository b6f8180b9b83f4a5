import { Counter, type Registry } from 'prom-client'

function counter(registry: Registry | undefined, name: string, help: string, labelNames: string[]): Counter {
  // Several servers may share a registry in tests: reuse what is already registered.
  const existing = registry?.getSingleMetric(name)
  if (existing) return existing as Counter
  return new Counter({ name, help, labelNames, registers: registry ? [registry] : [] })
}

export function createAdminMetrics(registry: Registry | undefined) {
  return {
    logins: counter(registry, 'm1_admin_logins_total', 'Admin login attempts by result', ['result']),
    denied: counter(registry, 'm1_admin_denied_total', 'Admin requests refused by reason', ['reason']),
    gdpr: counter(registry, 'm1_gdpr_requests_total', 'GDPR exports and erasures by result', [
      'kind',
      'result',
    ]),
  }
}

export type AdminMetrics = ReturnType<typeof createAdminMetrics>
