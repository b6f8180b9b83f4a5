import { readFile } from 'node:fs/promises'
import type { Redis } from 'ioredis'

const names = {
  enqueue: ['enqueue-2.lua', 2],
  acquireLease: ['acquire-lease-2.lua', 2],
  renewLease: ['renew-lease-1.lua', 1],
  releaseLease: ['release-lease-1.lua', 1],
  holdSenderLease: ['hold-sender-lease-1.lua', 1],
  commitTurn: ['commit-turn-4.lua', 4],
  deadLetter: ['dead-letter-4.lua', 4],
  reclaimPending: ['reclaim-pending-2.lua', 2],
  // Any number of partitions: the caller passes the key count first.
  readNew: ['read-new.lua', undefined],
} as const

export type ScriptName = keyof typeof names

/** Registers our Lua scripts as ioredis commands (EVALSHA with automatic fallback to EVAL). */
export async function defineQueueScripts(redis: Redis): Promise<void> {
  await Promise.all(
    Object.entries(names).map(async ([name, [file, numberOfKeys]]) => {
      const lua = await readFile(new URL(`./scripts/${file}`, import.meta.url), 'utf8')
      redis.defineCommand(name, numberOfKeys === undefined ? { lua } : { lua, numberOfKeys })
    }),
  )
}

type ScriptCall = (...args: (string | number)[]) => Promise<unknown>

export function script(redis: Redis, name: ScriptName): ScriptCall {
  return (redis as unknown as Record<ScriptName, ScriptCall>)[name].bind(redis)
}
