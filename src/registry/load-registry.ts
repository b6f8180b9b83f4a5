import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildTools } from './build-tools.ts'
import { type FetchSpec, parseRawSpecs, readRawSpecs } from './load-spec-documents.ts'
import type { SkippedOperation, Tool } from './tool.ts'
import { ToolRegistry } from './tool-registry.ts'

/** Bump when the Tool shape or the conversion changes: old cache files are then ignored. */
const REGISTRY_FORMAT = 5

export interface LoadRegistryOptions {
  sources: readonly string[]
  services?: readonly string[]
  fetchSpec?: FetchSpec
  /** Directory for `registry-<hash>.json`; no cache when unset. */
  cacheDir?: string
  onProgress?: (event: { phase: 'read' | 'parse' | 'convert' | 'cache'; done: number; total: number }) => void
}

export interface LoadedRegistry {
  registry: ToolRegistry
  fromCache: boolean
  cacheFile?: string
  operations: number
}

interface CachedRegistry {
  format: number
  hash: string
  operations: number
  tools: Tool[]
  skipped: SkippedOperation[]
}

/** Loads specs and builds the registry; a warm cache (same content hash) skips parsing entirely. */
export async function loadRegistry(options: LoadRegistryOptions): Promise<LoadedRegistry> {
  const raw = await readRawSpecs(options.sources, options.fetchSpec)
  options.onProgress?.({ phase: 'read', done: raw.length, total: raw.length })
  const services = [...(options.services ?? [])].sort()
  const hash = createHash('sha256')
    .update(`format ${REGISTRY_FORMAT}\nservices ${services.join(',')}\n`)
    .update(raw.map((spec) => spec.contentHash).join('\n'))
    .digest('hex')
    .slice(0, 16)
  const cacheFile = options.cacheDir ? join(options.cacheDir, `registry-${hash}.json`) : undefined
  if (cacheFile) {
    const cached = await readCache(cacheFile, hash)
    if (cached) {
      options.onProgress?.({ phase: 'cache', done: cached.tools.length, total: cached.tools.length })
      return {
        registry: new ToolRegistry(cached.tools, cached.skipped, hash),
        fromCache: true,
        cacheFile,
        operations: cached.operations,
      }
    }
  }
  const documents = parseRawSpecs(raw, services.length > 0 ? new Set(services) : undefined)
  options.onProgress?.({ phase: 'parse', done: documents.length, total: documents.length })
  const built = buildTools(documents, (done, total) =>
    options.onProgress?.({ phase: 'convert', done, total }),
  )
  if (cacheFile && options.cacheDir) {
    const payload: CachedRegistry = { format: REGISTRY_FORMAT, hash, ...built }
    await mkdir(options.cacheDir, { recursive: true })
    // Write then rename: a concurrent reader never sees half a file.
    const temporary = `${cacheFile}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(payload))
    await rename(temporary, cacheFile)
  }
  return {
    registry: new ToolRegistry(built.tools, built.skipped, hash),
    fromCache: false,
    cacheFile,
    operations: built.operations,
  }
}

async function readCache(file: string, hash: string): Promise<CachedRegistry | undefined> {
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as CachedRegistry
    return cached.format === REGISTRY_FORMAT && cached.hash === hash ? cached : undefined
  } catch {
    return undefined
  }
}
