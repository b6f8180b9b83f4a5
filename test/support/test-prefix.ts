import { randomUUID } from 'node:crypto'

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379'
export const TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test'

/** A Redis key prefix no other test shares, so tests never need shared cleanup. */
export function testPrefix(): string {
  return `test-${randomUUID()}`
}
