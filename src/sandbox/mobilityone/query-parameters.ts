import { badRequest } from './sandbox-problem.ts'

/** Query parameters by case-insensitive name, as ASP.NET model binding sees them. */
export interface QueryParameters {
  first(name: string): string | undefined
  all(name: string): string[]
}

/** The `=` of `(=)` percent-encoded: the real API rejects it, so the sandbox does too. */
const ENCODED_EQUALS_OPERATOR = /^[A-Za-z0-9_.]*(?:\(|%28)%3D(?:\)|%29)/i

/**
 * Parses the raw query string (not fastify's decoded copy) because the `Filter` quirk is only
 * visible before decoding. `+` decodes to a space, as in ASP.NET: a `+` in a phone number must
 * be sent as `%2B`.
 */
export function parseQueryParameters(url: string): QueryParameters {
  const values = new Map<string, string[]>()
  const queryStart = url.indexOf('?')
  const query = queryStart < 0 ? '' : url.slice(queryStart + 1)
  for (const part of query.split('&')) {
    if (part === '') continue
    const equals = part.indexOf('=')
    const rawName = equals < 0 ? part : part.slice(0, equals)
    const rawValue = equals < 0 ? '' : part.slice(equals + 1)
    const name = decode(rawName).toLowerCase()
    if (name === 'filter' && ENCODED_EQUALS_OPERATOR.test(rawValue)) {
      throw badRequest(
        `Invalid filter '${decode(rawValue)}': the '=' of the (=) operator must be sent literally, not as %3D`,
      )
    }
    const list = values.get(name)
    const value = decode(rawValue)
    if (list) list.push(value)
    else values.set(name, [value])
  }
  return {
    first: (name) => values.get(name.toLowerCase())?.[0],
    all: (name) => values.get(name.toLowerCase()) ?? [],
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    throw badRequest(`Malformed percent-encoding in query string: '${text}'`)
  }
}
