import type { RegistrySettings } from '../../registry/open-registry.ts'
import { configFromEnvironment } from '../environment.ts'

/** Registry settings from the validated config, with an optional `--specs` override. */
export function registrySettingsFromConfig(specsFlag?: string): RegistrySettings {
  const config = configFromEnvironment()
  return {
    specs: specsFlag ?? config.SPECS,
    services: config.SPEC_SERVICES,
    apiUrl: config.MOBILITY_API_URL,
    dataDir: config.DATA_DIR,
    cache: config.REGISTRY_CACHE,
  }
}
