import { describe, expect, it } from 'vitest'
import { FLOW_TIMEOUT_MS, newConversationState } from '../../../src/store/conversation-state.ts'
import type { ConversationStore, HistoryEntry } from '../../../src/store/conversation-store.ts'

export interface ConversationStoreContractOptions {
  name: string
  /** A fresh store with its own key space and a history cap of `historyMax`. */
  createStore(historyMax: number): Promise<ConversationStore>
  skip?: { reason: string; tests: string[] }[]
}

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0)

function entries(count: number, from = 0): HistoryEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    role: index % 2 === 0 ? 'user' : 'assistant',
    text: `message ${from + index}`,
    at: NOW + from + index,
  }))
}

/** One suite, run by every ConversationStore adapter. */
export function runConversationStoreContract(options: ConversationStoreContractOptions): void {
  const skipped = new Set(options.skip?.flatMap((rule) => rule.tests) ?? [])
  const test = (name: string, body: () => Promise<void>) => (skipped.has(name) ? it.skip : it)(name, body)

  describe(`ConversationStore contract: ${options.name}`, () => {
    test('loads nothing for a new user', async () => {
      const store = await options.createStore(50)
      const loaded = await store.loadTurn('385910000001', 10, NOW)
      expect(loaded).toEqual({ state: undefined, expiredFlow: false, history: [] })
    })

    test('saves and loads a state with its missing slots as a Set', async () => {
      const store = await options.createStore(50)
      const state = newConversationState(NOW)
      state.state = 'collecting-slots'
      state.flow = 'booking'
      state.slots = { from: '2026-01-16T08:00:00', vehicleId: 'v1' }
      state.missing = new Set(['to', 'description'])
      state.shown = [{ kind: 'vehicle', id: 'v1', label: 'Škoda Octavia (ZG-1234-AB)', plate: 'ZG-1234-AB' }]
      state.pending = { tool: 'post_VehicleCalendar', summary: 'Rezervacija' }
      await store.commitTurn('u1', state, entries(2))
      const loaded = await store.loadTurn('u1', 10, NOW + 1000)
      expect(loaded.expiredFlow).toBe(false)
      expect(loaded.state?.missing).toBeInstanceOf(Set)
      expect([...(loaded.state?.missing ?? [])]).toEqual(['to', 'description'])
      expect(loaded.state?.slots).toEqual(state.slots)
      expect(loaded.state?.shown).toEqual(state.shown)
      expect(loaded.state?.pending).toEqual(state.pending)
      expect(loaded.history.map((entry) => entry.text)).toEqual(['message 0', 'message 1'])
    })

    test('hands out copies: changing a loaded state does not change the stored one', async () => {
      const store = await options.createStore(50)
      const state = newConversationState(NOW)
      state.slots = { mileage: 1 }
      await store.commitTurn('u2', state, [])
      const first = await store.loadTurn('u2', 0, NOW)
      first.state!.slots.mileage = 2
      first.state!.missing.add('x')
      const second = await store.loadTurn('u2', 0, NOW)
      expect(second.state?.slots.mileage).toBe(1)
      expect(second.state?.missing.size).toBe(0)
    })

    test('drops a flow after 30 minutes of silence but keeps the last exchange', async () => {
      const store = await options.createStore(50)
      const state = newConversationState(NOW)
      state.state = 'awaiting-confirmation'
      state.flow = 'mileage'
      state.slots = { mileage: 45000 }
      state.lastExchange = { question: 'q', answer: 'a', at: NOW }
      await store.commitTurn('u3', state, [])
      const fresh = await store.loadTurn('u3', 0, NOW + FLOW_TIMEOUT_MS - 1)
      expect(fresh.state?.flow).toBe('mileage')
      const expired = await store.loadTurn('u3', 0, NOW + FLOW_TIMEOUT_MS + 1)
      expect(expired.expiredFlow).toBe(true)
      expect(expired.state?.state).toBe('idle')
      expect(expired.state?.flow).toBeUndefined()
      expect(expired.state?.slots).toEqual({})
      expect(expired.state?.lastExchange).toEqual(state.lastExchange)
    })

    test('commit with null deletes the state', async () => {
      const store = await options.createStore(50)
      await store.commitTurn('u4', newConversationState(NOW), [])
      await store.commitTurn('u4', null, entries(1))
      const loaded = await store.loadTurn('u4', 5, NOW)
      expect(loaded.state).toBeUndefined()
      expect(loaded.history).toHaveLength(1)
    })

    test('history keeps only the newest entries up to its cap, oldest first', async () => {
      const store = await options.createStore(5)
      await store.appendHistory('u5', entries(3))
      await store.appendHistory('u5', entries(4, 3))
      const all = await store.readHistory('u5', 100)
      expect(all.map((entry) => entry.text)).toEqual([
        'message 2',
        'message 3',
        'message 4',
        'message 5',
        'message 6',
      ])
    })

    test('reads the last N entries only', async () => {
      const store = await options.createStore(50)
      await store.appendHistory('u6', entries(20))
      const last = await store.readHistory('u6', 3)
      expect(last.map((entry) => entry.text)).toEqual(['message 17', 'message 18', 'message 19'])
      expect(await store.readHistory('u6', 0)).toEqual([])
      const loaded = await store.loadTurn('u6', 2, NOW)
      expect(loaded.history.map((entry) => entry.text)).toEqual(['message 18', 'message 19'])
    })

    test('appending nothing changes nothing', async () => {
      const store = await options.createStore(50)
      await store.appendHistory('u7', [])
      expect(await store.readHistory('u7', 10)).toEqual([])
    })

    test('forget erases state and history', async () => {
      const store = await options.createStore(50)
      await store.commitTurn('u8', newConversationState(NOW), entries(3))
      await store.forget('u8')
      const loaded = await store.loadTurn('u8', 10, NOW)
      expect(loaded.state).toBeUndefined()
      expect(loaded.history).toEqual([])
    })

    test('users do not see each other', async () => {
      const store = await options.createStore(50)
      const state = newConversationState(NOW)
      state.slots = { mileage: 7 }
      await store.commitTurn('a', state, entries(1))
      const other = await store.loadTurn('b', 10, NOW)
      expect(other.state).toBeUndefined()
      expect(other.history).toEqual([])
    })
  })
}
