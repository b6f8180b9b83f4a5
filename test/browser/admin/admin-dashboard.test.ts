import { randomInt, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminHarness, startAdminHarness } from '../../integration/admin/support/admin-harness.ts'
import { infobipTextBody } from '../../support/infobip-webhook-body.ts'
import { launchChromium } from '../../support/launch-chromium.ts'
import { postWebhook } from '../../support/post-webhook.ts'

let harness: AdminHarness
let browser: Browser
let page: Page
const phone = `3859${randomInt(10_000_000, 99_999_999)}`
const consoleErrors: string[] = []

async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

beforeAll(async () => {
  harness = await startAdminHarness({ pipeline: true, listen: true })
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true })
  page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
})
afterAll(async () => {
  await browser?.close()
  await harness?.close()
})

describe('admin dashboard in a browser (phone-sized viewport)', () => {
  it('logs in and reads a conversation that came in through the webhook', async () => {
    const status = await postWebhook(
      harness.url,
      infobipTextBody({ messageId: `wamid-${randomUUID()}`, from: phone, text: 'bok' }),
    )
    expect(status).toBe(200)
    // The placeholder handler answers; the turn is recorded with its reply.
    await waitFor(async () => {
      const rows = await harness.database.query<{ n: number }>(
        `select count(*)::int as n from messages m join conversations c on c.id = m.conversation_id where c.phone = $1`,
        [phone],
      )
      return rows[0]!.n >= 2 ? true : undefined
    })

    await page.goto(`${harness.url}/admin/conversations`)
    await page.getByLabel('User').fill('admin')
    await page.getByLabel('Password').fill('admin')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL('**/admin/conversations')

    // Live search through htmx: typing swaps the result table in.
    await page.getByLabel('Phone or name').fill(phone.slice(-6))
    const link = page.locator('#results a', { hasText: `+${phone}` })
    await link.waitFor()
    await link.click()
    await page.waitForURL(/\/admin\/conversations\/\d+$/)
    await expect(page.locator('.msg.user').first().textContent()).resolves.toBe('bok')
    expect(await page.locator('.msg.assistant').count()).toBeGreaterThan(0)
    expect(await page.locator('.turn .meta', { hasText: 'Turn' }).count()).toBe(1)
  })

  it('reviews a feedback report', async () => {
    const rows = await harness.database.query<{ id: string }>(
      `insert into feedback_reports (phone, question, answer, comment)
       values ($1, 'Do kad mi vrijedi registracija?', 'Nisam razumio.', 'Krivo') returning id`,
      [phone],
    )
    const id = Number(rows[0]!.id)
    await page.goto(`${harness.url}/admin/feedback`)
    await page.locator('a', { hasText: 'Do kad mi vrijedi registracija?' }).click()
    await page.waitForURL(`**/admin/feedback/${id}`)
    await page.getByLabel('Category').selectOption('not-understood')
    await page.getByLabel('Correction').fill('Registracija vrijedi do 4.2.2026.')
    await page.getByLabel('Mark reviewed').check()
    await page.getByRole('button', { name: 'Save review' }).click()
    await page.getByText('Review saved.').waitFor()
    const saved = await harness.database.query<Record<string, unknown>>(
      'select category, correction, reviewed, reviewed_by from feedback_reports where id = $1',
      [id],
    )
    expect(saved[0]).toEqual({
      category: 'not-understood',
      correction: 'Registracija vrijedi do 4.2.2026.',
      reviewed: true,
      reviewed_by: 'admin',
    })
    await page.goto(`${harness.url}/admin/feedback`)
    await page.getByText('Nothing to review.').waitFor()
  })

  it('exports and erases the person, who is then gone', async () => {
    await page.goto(`${harness.url}/admin/people?q=${phone}`)
    await page.locator('#results a', { hasText: `+${phone}` }).click()
    await page.waitForURL(`**/admin/people/${phone}`)
    expect(await page.locator('[data-consent]').textContent()).toBe('not registered')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-link').click(),
    ])
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'))
    expect(exported.subject.phone).toBe(phone)
    expect(exported.data.database.conversations[0].messages[0].text).toBe('bok')
    expect(exported.data['dev-outbox'].length).toBeGreaterThan(0)

    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByLabel(/Type the phone number/).fill(phone)
    await page.getByRole('button', { name: 'Erase this person everywhere' }).click()
    await page.getByText('The person was erased everywhere.').waitFor()

    await page.goto(`${harness.url}/admin/people?q=${phone}`)
    await page.getByText('Nobody found.').waitFor()
    await page.goto(`${harness.url}/admin/conversations?q=${phone}`)
    await page.getByText('No conversations found.').waitFor()
    const response = await page.goto(`${harness.url}/admin/people/${phone}`)
    expect(response?.status()).toBe(404)
    const left = await harness.database.query<{ n: number }>(
      `select (select count(*) from conversations where phone = $1) + (select count(*) from feedback_reports where phone = $1)
        + (select count(*) from outbound_messages where phone = $1) as n`,
      [phone],
    )
    expect(Number(left[0]!.n)).toBe(0)
    expect(await harness.adapters.devOutbox.list(phone, 10)).toEqual([])
  })

  it('logs out, and the pages are closed again', async () => {
    await page.goto(`${harness.url}/admin/overview`)
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL('**/admin/login')
    const response = await page.goto(`${harness.url}/admin/overview`)
    expect(response?.status()).toBe(401)
    // The CSP never had to block anything (no inline script or style).
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([])
  })
})
