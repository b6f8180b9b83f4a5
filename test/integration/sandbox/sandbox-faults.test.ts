import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type RunningSandbox, startSandbox } from '../../../src/sandbox/mobilityone/index.ts'
import { BASE_DATE, sandboxClient } from './sandbox-test-client.ts'

let sandbox: RunningSandbox
let client: ReturnType<typeof sandboxClient>
const PERSONS = '/tenantmgt/Persons?Rows=1'

beforeAll(async () => {
  sandbox = await startSandbox({ baseDate: BASE_DATE })
  client = sandboxClient(sandbox)
})
afterEach(() => {
  sandbox.control.reset()
  sandbox.control.resetCalls()
})
afterAll(() => sandbox.close())

describe('fault injection', () => {
  it('adds latency with jitter to every call', async () => {
    await client.get(PERSONS)
    sandbox.control.setLatency(80, 40)
    const started = performance.now()
    expect((await client.get(PERSONS)).status).toBe(200)
    const elapsed = performance.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(78)
    expect(elapsed).toBeLessThan(400)
  })

  it('fails a route with a given status a given number of times', async () => {
    sandbox.control.addFault({ kind: 'error', route: 'GET /tenantmgt/Persons', status: 503, times: 2 })
    expect((await client.get(PERSONS)).status).toBe(503)
    const second = await client.get(PERSONS)
    expect(second.body).toMatchObject({ status: 503, title: 'Service Unavailable' })
    expect((await client.get(PERSONS)).status).toBe(200)
    expect((await client.get('/vehiclemgt/Vehicles?Rows=1')).status).toBe(200)
  })

  it('fails a deterministic fraction of calls with an error rate', async () => {
    sandbox.control.addFault({ kind: 'error', route: '/vehiclemgt/Vehicles', rate: 0.5 })
    const statuses: number[] = []
    for (let index = 0; index < 40; index++)
      statuses.push((await client.get('/vehiclemgt/Vehicles?Rows=1')).status)
    const failures = statuses.filter((status) => status === 500).length
    expect(failures).toBeGreaterThan(8)
    expect(failures).toBeLessThan(32)
  })

  it('answers 429 with Retry-After', async () => {
    sandbox.control.addFault({ kind: 'rate-limit', retryAfterSeconds: 3, times: 1 })
    const limited = await client.get(PERSONS)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
  })

  it('serves an HTML login page with 200 for API routes', async () => {
    sandbox.control.addFault({ kind: 'html' })
    const page = await client.get(PERSONS)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.text).toContain('<form')
    // The token endpoint is untouched unless named.
    expect((await client.fetchToken()).status).toBe(200)
  })

  it('hangs until reset, then answers', async () => {
    sandbox.control.addFault({ kind: 'hang', route: 'GET /tenantmgt/Persons' })
    const timedOut = fetch(`${sandbox.url}${PERSONS}`, { signal: AbortSignal.timeout(150) })
    await expect(timedOut).rejects.toThrow()
    const pending = client.get(PERSONS)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sandbox.control.state().hanging).toBeGreaterThanOrEqual(1)
    sandbox.control.reset()
    expect((await pending).status).toBe(200)
  })

  it('revokes tokens through the control endpoint, which also sets faults and latency', async () => {
    expect((await client.get(PERSONS)).status).toBe(200)
    const response = await fetch(`${sandbox.url}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        revokeTokens: true,
        latencyMs: 5,
        add: [{ kind: 'error', route: '/vehiclemgt/Cases', status: 502, times: 1 }],
      }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ latencyMs: 5, faults: [{ kind: 'error', status: 502 }] })
    expect((await client.get(PERSONS)).status).toBe(401)
    client.forgetToken()
    expect((await client.get('/vehiclemgt/Cases?Rows=1')).status).toBe(502)
    const invalid = await fetch(`${sandbox.url}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ add: [{ kind: 'explode' }] }),
    })
    expect(invalid.status).toBe(400)
    await fetch(`${sandbox.url}/__control/reset`, { method: 'POST' })
    expect(sandbox.control.state()).toMatchObject({ latencyMs: 0, faults: [] })
  })
})

describe('call counting', () => {
  it('counts calls per route pattern, token calls included', async () => {
    const fresh = sandboxClient(sandbox)
    await fresh.get(PERSONS)
    await fresh.get(PERSONS)
    await fresh.get('/vehiclemgt/Cases/1')
    await fresh.get('/vehiclemgt/Cases/2')
    expect(sandbox.control.calls()).toEqual({
      'GET /tenantmgt/Persons': 2,
      'GET /vehiclemgt/Cases/{id}': 2,
      'POST /sso/connect/token': 1,
    })
    expect(sandbox.control.callCount('GET /vehiclemgt/Cases/{id}')).toBe(2)
    expect(sandbox.control.callCount()).toBe(5)
    const remote = (await (await fetch(`${sandbox.url}/__control/calls`)).json()) as { total: number }
    expect(remote.total).toBe(5)
    await fetch(`${sandbox.url}/__control/calls`, { method: 'DELETE' })
    expect(sandbox.control.calls()).toEqual({})
  })
})
