import { join } from 'node:path'
import { type LoadedRegistry, type LoadRegistryOptions, loadRegistry } from './load-registry.ts'
import type { FetchSpec } from './load-spec-documents.ts'
import { selectSpecSources } from './spec-sources.ts'

export interface RegistrySettings {
  /** Explicit source (a `--specs` flag or SPECS). */
  specs?: string
  services?: string
  apiUrl?: string
  preferLive?: boolean
  dataDir?: string
  cache?: boolean
  fetchSpec?: FetchSpec
  onProgress?: LoadRegistryOptions['onProgress']
}

/** Chooses the spec source from settings and loads the registry (cached under DATA_DIR). */
export async function openRegistry(settings: RegistrySettings): Promise<LoadedRegistry> {
  const { sources, services } = selectSpecSources(settings)
  return loadRegistry({
    sources,
    services,
    fetchSpec: settings.fetchSpec,
    // ':memory:' is the in-memory database, not a directory: no registry cache then.
    cacheDir:
      settings.cache === false || !settings.dataDir || settings.dataDir === ':memory:'
        ? undefined
        : join(settings.dataDir),
    onProgress: settings.onProgress,
  })
}
