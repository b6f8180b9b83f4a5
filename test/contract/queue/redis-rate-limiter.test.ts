import { createRedisRateLimiterFixture } from '../../support/queue-fixtures.ts'
import { runRateLimiterContract } from './rate-limiter.contract.ts'

runRateLimiterContract({ name: 'redis', create: createRedisRateLimiterFixture })
