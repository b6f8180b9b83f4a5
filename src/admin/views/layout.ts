import { html, type SafeHtml } from './html.ts'

export type Section = 'overview' | 'conversations' | 'tools' | 'feedback' | 'teach' | 'people' | 'audit'

const sections: { id: Section; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'conversations', label: 'Conversations' },
  { id: 'tools', label: 'Tools' },
  { id: 'feedback', label: 'Feedback' },
  { id: 'teach', label: 'Teach' },
  { id: 'people', label: 'People' },
  { id: 'audit', label: 'Audit log' },
]

/**
 * No inline styles or eval (the CSP forbids both), no history cache (it would keep personal data in
 * localStorage), and our own 400/404/500 pages are swapped in like any page.
 */
const htmxConfig = {
  includeIndicatorStyles: false,
  allowEval: false,
  historyCacheSize: 0,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '400|404|500', swap: true, error: true },
    { code: '...', swap: false, error: true },
  ],
}

function head(title: string): SafeHtml {
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='${JSON.stringify(htmxConfig)}'>
<meta name="referrer" content="same-origin">
<title>${title} · M1 admin</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
<script src="/admin/assets/htmx.min.js" defer></script>`
}

/**
 * Every page of a logged-in operator. htmx sends the CSRF token as a header on every request
 * (hx-headers on body); plain forms carry it as a hidden field.
 */
export function page(options: {
  title: string
  section: Section
  operator: string
  csrfToken: string
  body: SafeHtml
}): string {
  return html`<!doctype html>
<html lang="en">
<head>${head(options.title)}</head>
<body hx-headers='${JSON.stringify({ 'X-CSRF-Token': options.csrfToken })}'>
<header class="top">
  <a class="brand" href="/admin/overview">M1 admin</a>
  <nav>${sections.map(
    (section) =>
      html`<a href="/admin/${section.id}"${section.id === options.section ? html` aria-current="page"` : ''}>${section.label}</a>`,
  )}</nav>
  <form method="post" action="/admin/logout" class="logout">
    <input type="hidden" name="_csrf" value="${options.csrfToken}">
    <span class="who">${options.operator}</span> <button type="submit">Log out</button>
  </form>
</header>
<main>
<h1>${options.title}</h1>
${options.body}
</main>
</body>
</html>`.value
}

export function loginPage(options: {
  csrfToken: string
  next: string
  error?: string
  localLogin?: boolean
}): string {
  return html`<!doctype html>
<html lang="en">
<head>${head('Log in')}</head>
<body class="login">
<main>
<h1>M1 admin</h1>
<form method="post" action="/admin/login" class="card">
  ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
  <input type="hidden" name="_csrf" value="${options.csrfToken}">
  <input type="hidden" name="next" value="${options.next}">
  <label>User <input name="username" autocomplete="username" required autofocus></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">Log in</button>
  ${options.localLogin ? html`<p class="hint">Local development login: <code>admin</code> / <code>admin</code></p>` : ''}
</form>
</main>
</body>
</html>`.value
}
