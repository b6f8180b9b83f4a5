import type { RunningSandbox } from '../../../src/sandbox/mobilityone/index.ts'

/** The shared real specs, found relative to this file: test/integration/sandbox -> repo -> its parent. */
export const SHARED_SPECS_DIR = new URL('../../../../shared/mobilityone/specs/', import.meta.url)

export const BASE_DATE = '2026-01-15'

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies dynamically and assert their shape
export type Json = any

export interface TestResponse<T = Json> {
  status: number
  headers: Headers
  body: T
  text: string
}

/** A minimal raw HTTP client: tests see exactly what the sandbox sends. */
export function sandboxClient(sandbox: RunningSandbox, tenantId = sandbox.tenantIds[0]!) {
  let token: string | undefined
  const fetchToken = async (overrides: Record<string, string> = {}) => {
    const response = await fetch(`${sandbox.url}/sso/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: sandbox.clientId,
        client_secret: sandbox.clientSecret,
        grant_type: 'client_credentials',
        audience: 'none',
        ...overrides,
      }),
    })
    return { status: response.status, body: (await response.json()) as Json }
  }
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; tenant?: string | null } = {},
  ): Promise<TestResponse> => {
    token ??= (await fetchToken()).body.access_token
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'content-type': 'application/json',
      ...(options.tenant === null ? {} : { 'x-tenant': options.tenant ?? tenantId }),
      ...options.headers,
    }
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await response.text()
    let body: unknown = text
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text)
    return { status: response.status, headers: response.headers, body, text }
  }
  return {
    fetchToken,
    forgetToken: () => {
      token = undefined
    },
    get: (path: string, options?: Parameters<typeof call>[2]) => call('GET', path, options),
    post: (path: string, body: unknown, options?: Parameters<typeof call>[2]) =>
      call('POST', path, { ...options, body }),
    delete: (path: string, options?: Parameters<typeof call>[2]) => call('DELETE', path, options),
    call,
  }
}

/** `Filter=` values encoded like the fleet client must: everything encoded except the `=` of `(=)`. */
export function filterQuery(...conditions: string[]): string {
  return conditions
    .map((condition) => `Filter=${encodeURIComponent(condition).replace('(%3D)', '(=)')}`)
    .join('&')
}
