/** One OpenAPI 3.x or Swagger 2.0 document as loaded, before conversion. */
export interface SpecDocument {
  /** Service prefix, e.g. `vehiclemgt` (from `servers[0].url`, Swagger `basePath`, or the file name). */
  service: string
  /** Where it came from (file path or URL), for reports. */
  source: string
  /** sha256 of the raw text: the registry cache key is built from these. */
  contentHash: string
  document: Record<string, unknown>
}

const LAST_SEGMENT = /\/([^/]+)\/*$/

/** The service prefix a document declares, falling back to the given name (usually the file stem). */
export function serviceNameOf(document: Record<string, unknown>, fallback: string): string {
  const servers = document.servers
  const firstServer = Array.isArray(servers) ? (servers[0] as { url?: unknown } | undefined) : undefined
  const base = typeof firstServer?.url === 'string' ? firstServer.url : document.basePath
  if (typeof base === 'string') {
    const pathOnly = base.replace(/^[a-z]+:\/\/[^/]+/i, '')
    const match = LAST_SEGMENT.exec(pathOnly)
    if (match) return match[1]!
  }
  return fallback
}
