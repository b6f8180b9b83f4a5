/** FNV-1a over the sender: stable across processes and restarts, so a user always lands in one partition. */
export function partitionOf(from: string, partitions: number): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < from.length; index++) {
    hash ^= from.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % partitions
}
