import type { InboundEntry } from '../ports/inbound-queue.ts'
import { compareStreamIds } from './stream-ids.ts'

/** One partition's entries waiting in this worker, in stream order, each id at most once. */
export interface Lane {
  entries: InboundEntry[]
  ids: Set<string>
  running: boolean
}

export function createLane(): Lane {
  return { entries: [], ids: new Set(), running: false }
}

/**
 * Adds an entry unless the lane has it already (a reclaim returns entries the lane still holds).
 * Reclaimed entries can be older than ones queued before them: they go to their place in stream
 * order, behind the head when a turn is running, so one user's messages are handled in order.
 */
export function addToLane(lane: Lane, entry: InboundEntry): boolean {
  if (lane.ids.has(entry.id)) return false
  lane.ids.add(entry.id)
  const first = lane.running ? 1 : 0
  let index = lane.entries.length
  while (index > first && compareStreamIds(lane.entries[index - 1]!.id, entry.id) > 0) index--
  lane.entries.splice(index, 0, entry)
  return true
}
