import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/launch-chromium.ts'
import { type M1Process, startM1 } from '../support/m1-process.ts'

let app: M1Process
const RATE_LIMIT = 2
const WINDOW_SECONDS = 12
let browser: Browser
let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'm1-browser-'))
  app = await startM1(
    'serve',
    {
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      // Small limits so the rate-limit test reaches them in a few messages; other tests send one.
      RATE_LIMIT_MESSAGES: String(RATE_LIMIT),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
    90_000,
  )
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

  it('opens on a seeded driver of the simulated tenant (Ivan Horvat), who is recognised', async () => {
    const page = await browser.newPage()
    await page.goto(app.url)
    const phone = await page.inputValue('#phone')
    expect(phone).toBe('385912345678')
    const drivers = (await (await fetch(`${app.url}/dev/drivers`)).json()) as {
      phone: string
      name: string
    }[]
    expect(drivers.find((driver) => driver.phone === phone)?.name).toMatch(/Horvat, Ivan|Ivan Horvat/)
    // The driver list shows who the default number is.
    await expect.poll(() => page.inputValue('#drivers'), { timeout: 5_000 }).toBe(phone)
    await page.fill('#text', 'bok')
    await page.click('button[type=submit]')
    const reply = page.locator('.msg.in').first()
    await reply.waitFor({ timeout: 20_000 })
    // A registered driver is asked for consent first, not told the number is unknown.
    const text = (await reply.textContent()) ?? ''
    expect(text).not.toContain('nije registriran')
    expect(text).toMatch(/Ivan/)
  })

  it('after the one slow-down reply, tells the user that a message will not be read and when they may write again', async () => {
    const page = await browser.newPage()
    await page.goto(app.url)
    // A seeded driver (Marko Babić): a registered number gets an answer to every message it may send.
    await page.fill('#phone', '385955551234')
    await page.dispatchEvent('#phone', 'change')
    const send = async (text: string) => {
      await page.fill('#text', text)
      await page.click('button[type=submit]')
    }
    const slowDown = page.locator('.msg.in', { hasText: 'Šaljete poruke prebrzo' })
    // Windows are fixed (aligned to the clock): a burst that straddles two windows does not reach
    // the limit, and a slow-down that comes too close to a window's end leaves no time to check.
    let wait = 0
    for (let attempt = 0; attempt < 6 && wait < 3; attempt++) {
      const before = await slowDown.count()
      for (let index = 0; index <= RATE_LIMIT; index++) await send(`poruka ${attempt}.${index}`)
      const arrived = await slowDown
        .nth(before)
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        )
      // No slow-down: the burst straddled two windows; the next burst goes over the limit.
      if (!arrived) continue
      const text = (await slowDown.nth(before).textContent()) ?? ''
      expect(text).toMatch(
        /Možete ponovno pisati za \d+ (sekundu|sekunde|sekundi); poruke poslane prije toga neću obraditi/,
      )
      wait = Number(/za (\d+) sekund/.exec(text)?.[1])
      if (wait < 3) await page.waitForTimeout((wait + 1) * 1000)
    }
    expect(wait).toBeGreaterThanOrEqual(3)
    const passedBefore = await page
      .locator('.notice', { hasText: 'Ograničenje je prošlo: možete ponovno pisati.' })
      .count()
    // The server drops this one without a reply; the page says so, and until when.
    await send('još jedna')
    const notice = page.locator('.notice', { hasText: 'Ova poruka neće biti obrađena' })
    await notice.waitFor({ timeout: 2_000 })
    expect(await notice.textContent()).toMatch(
      /Možete ponovno pisati za \d+ (sekundu|sekunde|sekundi) \(u \d{2}:\d{2}:\d{2}\)\./,
    )
    // When the window ends the page says the user may write again, and the next message is answered.
    // A burst that ended in a short wait above may have left such a notice already: wait for a new one.
    const passed = page.locator('.notice', { hasText: 'Ograničenje je prošlo: možete ponovno pisati.' })
    await passed.nth(passedBefore).waitFor({ timeout: (WINDOW_SECONDS + 2) * 1000 })
    const answered = await page.locator('.msg.in').count()
    await send('bok')
    await page.locator('.msg.in').nth(answered).waitFor({ timeout: 15_000 })
    expect(await page.locator('.msg.in').nth(answered).textContent()).not.toContain('prebrzo')
    await page.screenshot({ path: join(dataDir, 'rate-limit.png') })
  })
})
