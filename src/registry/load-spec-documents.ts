import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { type SpecDocument, serviceNameOf } from './spec-document.ts'

/** Fetches a spec's text; the fleet client's authenticated fetch is plugged in here. */
export type FetchSpec = (url: string) => Promise<string>

export const defaultFetchSpec: FetchSpec = async (url) => {
  const response = await fetch(url, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`spec ${url}: HTTP ${response.status}`)
  return response.text()
}

/** A spec's raw text and hash, read but not parsed: enough to decide whether the cache is warm. */
export interface RawSpec {
  source: string
  /** File stem or last URL segment: the service name when the document declares none. */
  fallbackService: string
  text: string
  contentHash: string
}

const SPEC_EXTENSIONS: ReadonlySet<string> = new Set(['.json', '.yaml', '.yml'])
const URL_PATTERN = /^https?:\/\//i

export function isUrl(source: string): boolean {
  return URL_PATTERN.test(source)
}

async function filesOf(source: string): Promise<string[]> {
  const info = await stat(source)
  if (!info.isDirectory()) return [source]
  const names = await readdir(source)
  return names
    .filter((name) => SPEC_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(source, name))
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Reads every source (files, directories, URLs) concurrently; order follows the sources. */
export async function readRawSpecs(
  sources: readonly string[],
  fetchSpec: FetchSpec = defaultFetchSpec,
): Promise<RawSpec[]> {
  const perSource = await Promise.all(
    sources.map(async (source): Promise<RawSpec[]> => {
      if (isUrl(source)) {
        const text = await fetchSpec(source)
        const segments = new URL(source).pathname.split('/').filter(Boolean)
        // `{base}/vehiclemgt/swagger/v2/swagger.json`: the service is the first segment.
        const fallbackService = segments[0] ?? 'api'
        return [{ source, fallbackService, text, contentHash: hashOf(text) }]
      }
      const files = await filesOf(source)
      return Promise.all(
        files.map(async (file) => {
          const text = await readFile(file, 'utf8')
          const fallbackService = basename(file, extname(file))
          return { source: file, fallbackService, text, contentHash: hashOf(text) }
        }),
      )
    }),
  )
  return perSource.flat()
}

/** Parses raw specs; non-spec files (e.g. an index.json) are left out. Services filter when given. */
export function parseRawSpecs(raw: readonly RawSpec[], services?: ReadonlySet<string>): SpecDocument[] {
  const documents: SpecDocument[] = []
  for (const spec of raw) {
    const parsed: unknown =
      spec.source.endsWith('.json') || spec.text.trimStart().startsWith('{')
        ? JSON.parse(spec.text)
        : parseYaml(spec.text)
    if (typeof parsed !== 'object' || parsed === null) continue
    const document = parsed as Record<string, unknown>
    if (!('openapi' in document) && !('swagger' in document)) continue
    const service = serviceNameOf(document, spec.fallbackService)
    if (services && services.size > 0 && !services.has(service)) continue
    documents.push({ service, source: spec.source, contentHash: spec.contentHash, document })
  }
  return documents
}
