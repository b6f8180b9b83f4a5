import { createMemoryQueueFixture } from '../../support/queue-fixtures.ts'
import { runInboundQueueContract } from './inbound-queue.contract.ts'

runInboundQueueContract({ name: 'memory', create: createMemoryQueueFixture })
