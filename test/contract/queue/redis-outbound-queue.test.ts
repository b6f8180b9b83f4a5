import { createRedisQueueFixture } from '../../support/queue-fixtures.ts'
import { runOutboundQueueContract } from './outbound-queue.contract.ts'

runOutboundQueueContract({ name: 'redis', create: createRedisQueueFixture })
