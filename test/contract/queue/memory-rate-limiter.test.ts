import { createMemoryRateLimiterFixture } from '../../support/queue-fixtures.ts'
import { runRateLimiterContract } from './rate-limiter.contract.ts'

runRateLimiterContract({ name: 'memory', create: createMemoryRateLimiterFixture })
