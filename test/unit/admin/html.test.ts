import { describe, expect, it } from 'vitest'
import { formatTime } from '../../../src/admin/views/format.ts'
import { html } from '../../../src/admin/views/html.ts'
import { loginPage } from '../../../src/admin/views/layout.ts'

describe('html templates', () => {
  it('escapes every interpolated value, including nested arrays, and keeps SafeHtml as is', () => {
    const name = `<script>alert("x")</script>' & co`
    const out = html`<p title="${name}">${[name, html`<b>${name}</b>`]}</p>`.value
    expect(out).not.toContain('<script>')
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; co')
    expect(out).toContain('<b>&lt;script&gt;')
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0')
  })

  it('shows the local login hint only for the development account', () => {
    expect(loginPage({ csrfToken: 't', next: '/admin/overview', localLogin: true })).toContain(
      '<code>admin</code>',
    )
    expect(loginPage({ csrfToken: 't', next: '/admin/overview', localLogin: false })).not.toContain(
      '<code>admin</code>',
    )
  })

  it('formats times in Zagreb time', () => {
    expect(formatTime(new Date('2026-01-15T23:30:00Z'))).toBe('16/01/2026, 00:30:00')
    expect(formatTime(null)).toBe('–')
  })
})
