import type { Redis } from 'ioredis'
import { CONVERSATION_TTL_SECONDS } from './conversation-state.ts'
import type { ConversationStore, HistoryEntry } from './conversation-store.ts'
import { decodeHistoryEntries, decodeState, encodeHistoryEntry, encodeState } from './state-codec.ts'
import { storeKeys } from './store-keys.ts'

export interface RedisConversationStoreOptions {
  redis: Redis
  prefix: string
  /** History entries kept per user; older ones are trimmed on every append. */
  historyMax?: number
  ttlSeconds?: number
}

export const DEFAULT_HISTORY_MAX = 50

/** State as one JSON string, history as a capped list; both expire a day after the last turn. */
export function createRedisConversationStore(options: RedisConversationStoreOptions): ConversationStore {
  const { redis } = options
  const keys = storeKeys(options.prefix)
  const historyMax = options.historyMax ?? DEFAULT_HISTORY_MAX
  const ttl = options.ttlSeconds ?? CONVERSATION_TTL_SECONDS

  // RPUSH + LTRIM + EXPIRE queued on a pipeline or MULTI; always trimmed, so the list stays bounded.
  function queueAppend(
    batch: ReturnType<Redis['multi']> | ReturnType<Redis['pipeline']>,
    key: string,
    entries: readonly HistoryEntry[],
  ) {
    if (entries.length === 0) return
    const history = keys.history(key)
    batch.rpush(history, ...entries.map(encodeHistoryEntry))
    batch.ltrim(history, -historyMax, -1)
    batch.expire(history, ttl)
  }

  return {
    async loadTurn(key, historyLimit, now) {
      const batch = redis.pipeline().get(keys.state(key))
      if (historyLimit > 0) batch.lrange(keys.history(key), -historyLimit, -1)
      const results = (await batch.exec()) ?? []
      for (const [error] of results) if (error) throw error
      const decoded = decodeState(results[0]?.[1] as string | null, now)
      const history = historyLimit > 0 ? decodeHistoryEntries((results[1]?.[1] as string[]) ?? []) : []
      return { ...decoded, history }
    },
    async commitTurn(key, state, entries) {
      const batch = redis.multi()
      if (state) batch.set(keys.state(key), encodeState(state), 'EX', ttl)
      else batch.del(keys.state(key))
      queueAppend(batch, key, entries)
      const results = await batch.exec()
      for (const [error] of results ?? []) if (error) throw error
    },
    async appendHistory(key, entries) {
      if (entries.length === 0) return
      const batch = redis.pipeline()
      queueAppend(batch, key, entries)
      const results = await batch.exec()
      for (const [error] of results ?? []) if (error) throw error
    },
    async readHistory(key, limit) {
      if (limit <= 0) return []
      return decodeHistoryEntries(await redis.lrange(keys.history(key), -limit, -1))
    },
    async forget(key) {
      await redis.del(keys.state(key), keys.history(key))
    },
    async close() {
      // The connection belongs to the composition root.
    },
  }
}
