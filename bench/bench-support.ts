import { Redis } from 'ioredis'
import { deleteKeys } from '../test/support/redis-connections.ts'
import { createTestDatabase } from '../test/support/test-database.ts'

/** Benchmarks talk to local services only; human progress goes to stderr, the result to stdout. */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** BENCH_DATABASE_URL as given, else a fresh migrated database dropped afterwards (never a shared one). */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, drop: async () => {} }
  return createTestDatabase()
}

export function say(text: string): void {
  process.stderr.write(`${text}\n`)
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

export async function cleanupPrefix(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL)
  await deleteKeys(redis, prefix)
  redis.disconnect()
}
