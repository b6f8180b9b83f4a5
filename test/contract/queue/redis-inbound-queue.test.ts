import { createRedisQueueFixture } from '../../support/queue-fixtures.ts'
import { runInboundQueueContract } from './inbound-queue.contract.ts'

runInboundQueueContract({ name: 'redis', create: createRedisQueueFixture })
