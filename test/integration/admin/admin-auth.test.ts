import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIpAllowList } from '../../../src/admin/auth/ip-allow-list.ts'
import { publicAdminRoutes } from '../../../src/admin/auth/register-auth.ts'
import { type AdminHarness, login, startAdminHarness } from './support/admin-harness.ts'
import { listRoutes } from './support/list-routes.ts'

let harness: AdminHarness

beforeAll(async () => {
  harness = await startAdminHarness()
})
afterAll(async () => {
  await harness?.close()
})

function concrete(url: string): string {
  return url.replace(':id', '1').replace(':phone', '385991112299')
}

async function feedbackId(): Promise<number> {
  const rows = await harness.database.query<{ id: string }>(
    `insert into feedback_reports (phone, question, answer) values ('385990000001', 'q', 'a') returning id`,
  )
  return Number(rows[0]!.id)
}

describe('admin authentication', () => {
  it('refuses every non-public admin route without a session (401/403)', async () => {
    const routes = listRoutes(harness.app).filter(
      (route) => route.url.startsWith('/admin') && route.method !== 'HEAD',
    )
    // Sanity: the enumeration really sees the dashboard, so an empty list cannot pass silently.
    expect(routes.length).toBeGreaterThan(25)
    expect(routes).toContainEqual({ method: 'POST', url: '/admin/api/people/:phone/erase' })
    // Someone's data exists, so a leak would show their name.
    await harness.database.query(
      `insert into user_mappings (phone, person_id, tenant_id, display_name) values ('385991112299', 'p-9', 't', 'Ana Tajna')`,
    )
    const checked: string[] = []
    for (const route of routes) {
      if (publicAdminRoutes.has(route.url)) continue
      for (const headers of [
        {},
        { cookie: 'm1_admin_session=forged' },
        { authorization: 'Basic YWRtaW46d3Jvbmc=' },
      ]) {
        const response = await harness.app.inject({
          method: route.method as 'GET' | 'POST',
          url: concrete(route.url),
          headers,
          // Not the address the other tests log in from: these wrong Basic credentials count as failures.
          remoteAddress: '10.66.0.1',
          ...(route.method === 'POST' ? { payload: { confirm: '385991112233' } } : {}),
        })
        expect([401, 403], `${route.method} ${route.url} ${JSON.stringify(headers)}`).toContain(
          response.statusCode,
        )
        expect(response.body).not.toContain('Ana Tajna')
      }
      checked.push(`${route.method} ${route.url}`)
    }
    expect(checked.length).toBeGreaterThan(20)
  })

  it('serves only the login form and assets publicly', async () => {
    expect([...publicAdminRoutes].sort()).toEqual([
      '/admin/assets/admin.css',
      '/admin/assets/htmx.min.js',
      '/admin/login',
    ])
    const htmx = await harness.app.inject({ method: 'GET', url: '/admin/assets/htmx.min.js' })
    expect(htmx.statusCode).toBe(200)
    expect(htmx.body).toContain('htmx')
  })

  it('sets an HttpOnly SameSite=Strict session cookie and refuses a login without its CSRF token', async () => {
    const form = await harness.app.inject({ method: 'GET', url: '/admin/login' })
    const noToken = await harness.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=admin&password=admin',
    })
    expect(noToken.statusCode).toBe(403)
    const loginCookie = String(form.headers['set-cookie']).split(';')[0]!
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!
    const ok = await harness.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${token}&username=admin&password=admin&next=/admin/people`,
    })
    expect(ok.statusCode).toBe(303)
    expect(ok.headers.location).toBe('/admin/people')
    const session = (ok.headers['set-cookie'] as string[]).find((cookie) =>
      cookie.startsWith('m1_admin_session='),
    )!
    expect(session).toContain('HttpOnly')
    expect(session).toContain('SameSite=Strict')
    expect(session).toContain('Path=/admin')
    expect(session).not.toContain('Secure') // test mode; production sets secureCookies
  })

  it('rejects state changes with a missing or wrong CSRF token (403) and accepts the right one', async () => {
    const { cookie, csrf } = await login(harness.app)
    const id = await feedbackId()
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie }
    const missing = await harness.app.inject({
      method: 'POST',
      url: `/admin/feedback/${id}`,
      headers: form,
      payload: 'reviewed=true',
    })
    expect(missing.statusCode).toBe(403)
    const wrong = await harness.app.inject({
      method: 'POST',
      url: `/admin/feedback/${id}`,
      headers: { ...form, 'x-csrf-token': `${csrf}x` },
      payload: 'reviewed=true',
    })
    expect(wrong.statusCode).toBe(403)
    const wrongField = await harness.app.inject({
      method: 'POST',
      url: `/admin/feedback/${id}`,
      headers: form,
      payload: `reviewed=true&_csrf=${encodeURIComponent(csrf.slice(0, -1))}`,
    })
    expect(wrongField.statusCode).toBe(403)
    const unchanged = await harness.database.query<{ reviewed: boolean }>(
      'select reviewed from feedback_reports where id = $1',
      [id],
    )
    expect(unchanged[0]!.reviewed).toBe(false)
    const right = await harness.app.inject({
      method: 'POST',
      url: `/admin/feedback/${id}`,
      headers: form,
      payload: `reviewed=true&category=wrong-tool&_csrf=${encodeURIComponent(csrf)}`,
    })
    expect(right.statusCode).toBe(303)
    const header = await harness.app.inject({
      method: 'POST',
      url: '/admin/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    })
    expect(header.statusCode).toBe(303)
    const after = await harness.app.inject({ method: 'GET', url: '/admin/overview', headers: { cookie } })
    expect(after.statusCode).toBe(401)
  })

  it('expires a session after the idle timeout and after the absolute lifetime', async () => {
    const idle = await login(harness.app)
    harness.advance(29 * 60_000)
    expect(
      (await harness.app.inject({ method: 'GET', url: '/admin/overview', headers: { cookie: idle.cookie } }))
        .statusCode,
    ).toBe(200)
    harness.advance(31 * 60_000)
    const expired = await harness.app.inject({
      method: 'GET',
      url: '/admin/overview',
      headers: { cookie: idle.cookie },
    })
    expect(expired.statusCode).toBe(401)
    expect(expired.body).toContain('session has expired')
    // Kept busy, a session still ends after ADMIN_SESSION_TTL_MINUTES (8 h).
    const busy = await login(harness.app)
    for (let hour = 0; hour < 8 * 4; hour++) {
      harness.advance(15 * 60_000)
      const response = await harness.app.inject({
        method: 'GET',
        url: '/admin/api/overview',
        headers: { cookie: busy.cookie },
      })
      expect(response.statusCode).toBe(hour < 8 * 4 - 1 ? 200 : 401)
    }
  })

  it('tells htmx to go to the login page when the session is gone', async () => {
    const response = await harness.app.inject({
      method: 'GET',
      url: '/admin/conversations?q=1',
      headers: { 'hx-request': 'true' },
    })
    expect(response.statusCode).toBe(401)
    expect(response.headers['hx-redirect']).toBe('/admin/login?next=%2Fadmin%2Fconversations%3Fq%3D1')
  })

  it('rate-limits failed logins per address (429) and audits them', async () => {
    const attempt = async (password: string) => {
      const form = await harness.app.inject({ method: 'GET', url: '/admin/login', remoteAddress: '10.9.9.9' })
      const loginCookie = String(form.headers['set-cookie']).split(';')[0]!
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!
      return harness.app.inject({
        method: 'POST',
        url: '/admin/login',
        remoteAddress: '10.9.9.9',
        headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${token}&username=admin&password=${password}`,
      })
    }
    for (let index = 0; index < 5; index++) expect((await attempt('guess')).statusCode).toBe(401)
    // Blocked now, even with the right password.
    expect((await attempt('admin')).statusCode).toBe(429)
    const audited = await harness.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'login.failed' and ip = '10.9.9.9'`,
    )
    expect(audited[0]!.n).toBe(5)
  })

  it('accepts Basic credentials on the JSON API only', async () => {
    const basic = `Basic ${Buffer.from('admin:admin').toString('base64')}`
    const api = await harness.app.inject({
      method: 'GET',
      url: '/admin/api/overview',
      headers: { authorization: basic },
    })
    expect(api.statusCode).toBe(200)
    expect(api.json()).toHaveProperty('messagesPerDay')
    const page = await harness.app.inject({
      method: 'GET',
      url: '/admin/overview',
      headers: { authorization: basic },
    })
    expect(page.statusCode).toBe(401)
  })

  it('audits reads of personal data with who, what, when and from where', async () => {
    const { cookie } = await login(harness.app)
    await harness.app.inject({
      method: 'GET',
      url: '/admin/people/385991112233',
      headers: { cookie },
      remoteAddress: '10.1.2.3',
    })
    await harness.app.inject({
      method: 'GET',
      url: '/admin/conversations?q=Horvat',
      headers: { cookie },
      remoteAddress: '10.1.2.3',
    })
    const rows = await harness.database.query<{
      actor: string
      action: string
      ip: string
      at: Date
      details: unknown
    }>(`select actor, action, ip, at, details from audit_log where ip = '10.1.2.3' order by id`)
    expect(rows.map((row) => row.action)).toEqual(['conversations.search'])
    expect(rows[0]).toMatchObject({ actor: 'admin', details: { q: 'Horvat' } })
    // A person with no data is a 404 and reveals nothing, so nothing personal was read.
    await harness.database.query(
      `insert into user_mappings (phone, person_id, tenant_id, display_name) values ('385991112233', 'p-1', 't', 'Ana')`,
    )
    const found = await harness.app.inject({
      method: 'GET',
      url: '/admin/people/385991112233',
      headers: { cookie },
      remoteAddress: '10.1.2.3',
    })
    expect(found.statusCode).toBe(200)
    const read = await harness.database.query<{ target: string }>(
      `select target from audit_log where action = 'person.read' and ip = '10.1.2.3'`,
    )
    expect(read).toEqual([{ target: '385991112233' }])
  })
})

describe('admin IP allow-list', () => {
  it('refuses addresses outside the list, even for the login page', async () => {
    const allow = parseIpAllowList('10.0.0.0/8, 192.168.1.5')!
    const original = harness.admin.ipAllowList
    harness.admin.ipAllowList = allow
    try {
      const outside = await harness.app.inject({
        method: 'GET',
        url: '/admin/login',
        remoteAddress: '172.16.0.1',
      })
      expect(outside.statusCode).toBe(403)
      const inside = await harness.app.inject({
        method: 'GET',
        url: '/admin/login',
        remoteAddress: '10.20.30.40',
      })
      expect(inside.statusCode).toBe(200)
      // Health and the webhook are not behind the admin list.
      expect(
        (await harness.app.inject({ method: 'GET', url: '/health', remoteAddress: '172.16.0.1' })).statusCode,
      ).toBe(200)
    } finally {
      harness.admin.ipAllowList = original
    }
  })
})
