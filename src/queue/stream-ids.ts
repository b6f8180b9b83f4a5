/** Stream ids are `<ms>-<seq>`; compared as numbers, never as strings ("9-0" < "10-0"). */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number)
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number)
  return aMs - bMs || aSeq - bSeq
}

/** The smallest id after `id`: turns an inclusive range start into an exclusive one. */
export function nextStreamId(id: string): string {
  const [ms = '0', seq = '0'] = id.split('-')
  return `${ms}-${BigInt(seq) + 1n}`
}
