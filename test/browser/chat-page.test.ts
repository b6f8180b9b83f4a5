import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/launch-chromium.ts'
import { type M1Process, startM1 } from '../support/m1-process.ts'

let app: M1Process
let browser: Browser
let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'm1-browser-'))
  app = await startM1('serve', { DATA_DIR: dataDir, NODE_ENV: 'development' })
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await app?.kill('SIGTERM')
  await rm(dataDir, { recursive: true, force: true })
})

describe('web chat page', () => {
  it('sends "bok" through the webhook and shows the reply', async () => {
    const page = await browser.newPage()
    await page.goto(app.url)
    await expect(page.title()).resolves.toContain('M1')
    await page.fill('#phone', '385991112233')
    await page.dispatchEvent('#phone', 'change')
    await page.fill('#text', 'bok')
    await page.click('button[type=submit]')
    const reply = page.locator('.msg.in').first()
    await reply.waitFor({ timeout: 20_000 })
    const text = (await reply.textContent()) ?? ''
    expect(text.length).toBeGreaterThan(10)
    // The page shows the user's own message too, on the right.
    await expect(page.locator('.msg.out').first().textContent()).resolves.toBe('bok')
    await page.screenshot({ path: join(dataDir, 'chat.png') })
  })
})
