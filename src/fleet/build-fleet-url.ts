import { encodeQueryComponent } from './filter.ts'

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
const PLACEHOLDER = /\{([^{}]+)\}/g

export class FleetUrlError extends Error {
  readonly code = 'M1_ERR_FLEET_URL'
  override name = 'FleetUrlError'
}

/** `{base}/{service}{path}?{query}` with every `{param}` substituted and percent-encoded. */
export function buildFleetUrl(
  baseUrl: string,
  service: string,
  path: string,
  pathParams: Record<string, string | number> = {},
  query = '',
): string {
  if (!SERVICE_NAME.test(service)) throw new FleetUrlError(`invalid service name: ${JSON.stringify(service)}`)
  const filled = path.replace(PLACEHOLDER, (_match, name: string) => {
    const value = pathParams[name]
    if (value === undefined || value === null || value === '') {
      throw new FleetUrlError(`missing path parameter ${name} for ${path}`)
    }
    return encodeQueryComponent(String(value))
  })
  const base = baseUrl.replace(/\/+$/, '')
  const rest = filled.startsWith('/') ? filled : `/${filled}`
  return `${base}/${service}${rest}${query ? `?${query}` : ''}`
}
