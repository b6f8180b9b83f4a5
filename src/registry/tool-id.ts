const NON_ALPHANUMERIC_RUNS = /[^A-Za-z0-9]+/g
const EDGE_UNDERSCORES = /^_+|_+$/g
const BRACES = /[{}]/g

/**
 * UPSTREAM §1.6: lower-case method, then the path with `{` `}` removed and every run of other
 * non-alphanumerics turned into `_`, leading and trailing `_` dropped.
 */
export function toolIdFor(method: string, path: string): string {
  const tail = path.replace(BRACES, '').replace(NON_ALPHANUMERIC_RUNS, '_').replace(EDGE_UNDERSCORES, '')
  return tail ? `${method.toLowerCase()}_${tail}` : method.toLowerCase()
}

/**
 * The id of a tool whose bare id collides with another service's: the same rule applied to the
 * full URL path including the service prefix (`GET /tenantmgt/Metadata` -> `get_tenantmgt_Metadata`).
 */
export function serviceQualifiedToolId(method: string, service: string, path: string): string {
  return toolIdFor(method, `/${service}${path}`)
}

/** Words of UPSTREAM §1.6: operations whose id or path contains one are not offered to users. */
export const BLACKLISTED_WORDS = [
  'batch',
  'excel',
  'export',
  'import',
  'internal',
  'count',
  'odata',
  'searchinfo',
  'swagger',
  'health',
] as const

const BLACKLIST_PATTERN = new RegExp(BLACKLISTED_WORDS.join('|'), 'i')

/** The blacklisted word found in the id or path, or undefined when the operation is allowed. */
export function blacklistedWordIn(id: string, path: string): string | undefined {
  const match = BLACKLIST_PATTERN.exec(id) ?? BLACKLIST_PATTERN.exec(path)
  return match ? match[0].toLowerCase() : undefined
}
