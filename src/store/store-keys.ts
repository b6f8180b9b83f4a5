/** Redis key names of the conversation store, next to `src/queue/redis-keys.ts`. */
export function storeKeys(prefix: string) {
  return {
    state: (user: string) => `${prefix}:conv:${user}`,
    history: (user: string) => `${prefix}:hist:${user}`,
  }
}

export type StoreKeys = ReturnType<typeof storeKeys>
