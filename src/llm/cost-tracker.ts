import type { Redis } from 'ioredis'
import type { ChatUsage } from '../ports/chat-model.ts'

export interface CostTracker {
  /** Adds a call's cost and returns the day's total in USD. */
  add(usage: ChatUsage): Promise<number>
  spentToday(): Promise<number>
}

export interface Prices {
  inputPerMTok: number
  outputPerMTok: number
}

export function costOf(usage: ChatUsage, prices: Prices): number {
  return (
    (usage.promptTokens * prices.inputPerMTok + usage.completionTokens * prices.outputPerMTok) / 1_000_000
  )
}

const day = (now: Date) => now.toISOString().slice(0, 10)

/** Daily spend shared by all workers through Redis, or per process in memory. */
export function createCostTracker(options: {
  prices: Prices
  redis?: Redis
  prefix?: string
  now?: () => Date
}): CostTracker {
  const now = options.now ?? (() => new Date())
  let memoryDay = ''
  let memoryTotal = 0
  const key = () => `${options.prefix ?? 'm1'}:llm-cost:${day(now())}`
  return {
    async add(usage) {
      const cost = costOf(usage, options.prices)
      if (options.redis) {
        const total = await options.redis
          .multi()
          .incrbyfloat(key(), cost)
          .expire(key(), 2 * 86400)
          .exec()
        return Number(total?.[0]?.[1] ?? cost)
      }
      if (memoryDay !== day(now())) {
        memoryDay = day(now())
        memoryTotal = 0
      }
      memoryTotal += cost
      return memoryTotal
    },
    async spentToday() {
      if (options.redis) return Number((await options.redis.get(key())) ?? 0)
      return memoryDay === day(now()) ? memoryTotal : 0
    },
  }
}
