import { afterEach, describe, expect } from 'vitest'
import type { CreateRateLimiterFixture, RateLimiterFixture } from '../../support/queue-fixtures.ts'
import { type ContractSkip, contractTest } from './contract-skips.ts'

export interface RateLimiterContractOptions {
  name: string
  create: CreateRateLimiterFixture
  skip?: ContractSkip[]
}

/** One suite every RateLimiter adapter must pass. */
export function runRateLimiterContract(options: RateLimiterContractOptions): void {
  const test = contractTest(options.skip)
  let fixtures: RateLimiterFixture[] = []
  // Start of a window, so advancing by less than a window stays inside it.
  let clock = Math.floor(Date.now() / 60_000) * 60_000
  async function setup(): Promise<RateLimiterFixture> {
    const fixture = await options.create({ windowSeconds: 60, now: () => clock })
    fixtures.push(fixture)
    return fixture
  }
  afterEach(async () => {
    for (const fixture of fixtures) await fixture.close()
    fixtures = []
  })

  describe(`RateLimiter contract: ${options.name}`, () => {
    test('counts messages per phone within a window', async () => {
      const { limiter } = await setup()
      expect((await limiter.hit('385933333331')).count).toBe(1)
      expect((await limiter.hit('385933333331')).count).toBe(2)
      expect((await limiter.hit('385933333332')).count).toBe(1)
      clock += 30_000
      expect((await limiter.hit('385933333331')).count).toBe(3)
    })

    test('starts over in the next window', async () => {
      const { limiter } = await setup()
      for (let index = 0; index < 5; index++) await limiter.hit('385933333333')
      clock += 60_000
      expect((await limiter.hit('385933333333')).count).toBe(1)
    })

    test('says when the window ends, and the count starts over exactly then', async () => {
      const { limiter } = await setup()
      const windowStart = Math.floor(clock / 60_000) * 60_000
      clock = windowStart + 25_000
      const first = await limiter.hit('385933333336')
      expect(first).toEqual({ count: 1, resetAt: windowStart + 60_000 })
      clock = first.resetAt - 1
      expect(await limiter.hit('385933333336')).toEqual({ count: 2, resetAt: first.resetAt })
      clock = first.resetAt
      expect(await limiter.hit('385933333336')).toEqual({ count: 1, resetAt: first.resetAt + 60_000 })
    })

    test('counts concurrent hits exactly', async () => {
      const { limiter } = await setup()
      const hits = await Promise.all(Array.from({ length: 25 }, () => limiter.hit('385933333334')))
      const counts = hits.map((hit) => hit.count)
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1))
    })

    test('forgets a phone', async () => {
      const { limiter } = await setup()
      await limiter.hit('385933333335')
      await limiter.hit('385933333335')
      await limiter.forget('385933333335')
      expect((await limiter.hit('385933333335')).count).toBe(1)
    })
  })
}
