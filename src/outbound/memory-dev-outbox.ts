import { LRUCache } from 'lru-cache'
import type { DevOutbox, DevOutboxMessage } from '../ports/dev-outbox.ts'

export function createMemoryDevOutbox(options: { perPhone?: number; maxPhones?: number } = {}): DevOutbox {
  const perPhone = options.perPhone ?? 200
  const byPhone = new LRUCache<string, DevOutboxMessage[]>({ max: options.maxPhones ?? 10_000 })
  return {
    async add(message) {
      const list = byPhone.get(message.to) ?? []
      list.push(message)
      if (list.length > perPhone) list.splice(0, list.length - perPhone)
      byPhone.set(message.to, list)
    },
    async list(phone, limit) {
      return (byPhone.get(phone) ?? []).slice(-limit)
    },
    async forget(phone) {
      byPhone.delete(phone)
    },
  }
}
