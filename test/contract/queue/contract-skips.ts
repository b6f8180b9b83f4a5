import { it } from 'vitest'

/** A documented deviation of one adapter: the named tests are skipped with the reason shown. */
export interface ContractSkip {
  reason: string
  tests: string[]
}

/** `it`, or `it.skip` with the reason in the title when an adapter declares a deviation. */
export function contractTest(skips: ContractSkip[] = []) {
  return (title: string, body: () => Promise<void>, timeoutMs?: number) => {
    const skip = skips.find((entry) => entry.tests.includes(title))
    if (skip) it.skip(`${title} (skipped: ${skip.reason})`, body)
    else it(title, body, timeoutMs)
  }
}
