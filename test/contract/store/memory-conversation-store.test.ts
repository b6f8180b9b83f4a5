import { describe, expect, it } from 'vitest'
import { newConversationState } from '../../../src/store/conversation-state.ts'
import { createMemoryConversationStore } from '../../../src/store/memory-conversation-store.ts'
import { runConversationStoreContract } from './conversation-store.contract.ts'

runConversationStoreContract({
  name: 'memory',
  createStore: async (historyMax) => createMemoryConversationStore({ historyMax }),
})

describe('memory conversation store specifics', () => {
  it('expires state and history after the TTL', async () => {
    let clock = 0
    const store = createMemoryConversationStore({ ttlSeconds: 10, clock: () => clock })
    await store.commitTurn('u', newConversationState(0), [{ role: 'user', text: 'bok', at: 0 }])
    clock = 9_999
    expect((await store.loadTurn('u', 5, 0)).history).toHaveLength(1)
    clock = 10_001
    expect(await store.loadTurn('u', 5, 0)).toEqual({ state: undefined, expiredFlow: false, history: [] })
  })

  it('is bounded in users', async () => {
    const store = createMemoryConversationStore({ maxUsers: 2 })
    for (const user of ['a', 'b', 'c']) await store.commitTurn(user, newConversationState(0), [])
    expect((await store.loadTurn('a', 0, 0)).state).toBeUndefined()
    expect((await store.loadTurn('c', 0, 0)).state).toBeDefined()
  })
})
