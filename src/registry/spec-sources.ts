import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const DEFAULT_SERVICES: readonly string[] = ['automation', 'tenantmgt', 'vehiclemgt']

/** Spec locations on a live system (UPSTREAM §1.1). */
const LIVE_SPEC_PATHS: Readonly<Record<string, string>> = {
  automation: 'automation/swagger/v1.0.0/swagger.json',
  tenantmgt: 'tenantmgt/swagger/v2.0.0-alpha/swagger.json',
  vehiclemgt: 'vehiclemgt/swagger/v2.0.0-alpha/swagger.json',
}

export function liveSpecUrls(baseUrl: string, services: readonly string[]): string[] {
  const base = baseUrl.replace(/\/+$/, '')
  return services.map(
    (service) => `${base}/${LIVE_SPEC_PATHS[service] ?? `${service}/swagger/v2.0.0-alpha/swagger.json`}`,
  )
}

/** The snapshot of the real specs beside the repository (`../shared/mobilityone/specs`). */
export function sharedSpecsDirectory(): string | undefined {
  const path = fileURLToPath(new URL('../../../shared/mobilityone/specs', import.meta.url))
  return existsSync(path) ? path : undefined
}

export interface SpecSourceSettings {
  /** Explicit source (--specs or SPECS): comma-separated files, directories or URLs. */
  specs?: string
  services?: string
  apiUrl?: string
  /** A real tenant is configured: its live specs win over the shared snapshot. */
  preferLive?: boolean
}

export interface SpecSelection {
  sources: string[]
  services: string[]
}

/**
 * Where specs come from: an explicit source; the live API's spec locations when a real tenant is
 * configured; otherwise the shared snapshot beside the repository when it exists (local runs, served
 * generically by the simulated tenant); otherwise the (simulated) API's own spec locations.
 */
export function selectSpecSources(settings: SpecSourceSettings): SpecSelection {
  const services = (settings.services ?? DEFAULT_SERVICES.join(','))
    .split(',')
    .map((service) => service.trim())
    .filter(Boolean)
  if (settings.specs) {
    const sources = settings.specs
      .split(',')
      .map((source) => source.trim())
      .filter(Boolean)
    return { sources, services }
  }
  if (settings.preferLive && settings.apiUrl)
    return { sources: liveSpecUrls(settings.apiUrl, services), services }
  const shared = sharedSpecsDirectory()
  if (shared) return { sources: [shared], services }
  if (settings.apiUrl) return { sources: liveSpecUrls(settings.apiUrl, services), services }
  throw new Error('no spec source: set SPECS (or --specs), or MOBILITY_API_URL for the live specs')
}
