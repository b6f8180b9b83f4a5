import { createMemoryQueueFixture } from '../../support/queue-fixtures.ts'
import { runOutboundQueueContract } from './outbound-queue.contract.ts'

runOutboundQueueContract({
  name: 'memory',
  create: createMemoryQueueFixture,
  skip: [
    {
      reason: 'single process: its one sender is the only reader',
      tests: [
        'lets one sender at a time read, so one user’s replies go out in order',
        'a sender confirms its hold on the outbox; one whose lease lapsed is told so',
      ],
    },
  ],
})
