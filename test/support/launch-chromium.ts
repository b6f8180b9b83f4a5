import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

export const chromiumAvailable = executablePath !== undefined

/** Debian's chromium driven by playwright-core: no browser download, no network chatter. */
export function launchChromium(): Promise<Browser> {
  if (!executablePath) throw new Error('chromium is not installed (apt-get install chromium)')
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
