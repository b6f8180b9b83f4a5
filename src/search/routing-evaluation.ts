import type { SearchResult } from './tool-search.ts'

/** One labelled message: `expected_tool: null` means no API call is expected. */
export interface RoutingCase {
  query: string
  expected_tool: string | null
  accept?: readonly string[] | null
}

export interface RoutingMiss {
  query: string
  expected: string | null
  accept: readonly string[]
  got: readonly string[]
  /** Set when the system decided no tool was needed (then `got` is empty by decision, not by failure). */
  noTool?: string
  rank: number | null
}

export interface RoutingReport {
  n: number
  top1: number
  recall5: number
  mrr: number
  no_tool_accuracy: number
  p50_us: number
  p99_us: number
  misses: RoutingMiss[]
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Steady-state latency of a long-running process: warm-up passes, then many timed passes. */
const WARMUP_PASSES = 5
const LATENCY_PASSES = 20

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * Scores a router on labelled messages. A hit counts when its id is the expected tool or in
 * `accept`. No-tool accuracy is the share of messages where "no tool" was decided exactly when
 * expected. Latency: every query timed in several passes after a warm-up pass, so one GC pause
 * or a busy neighbour does not become the p99.
 */
export function evaluateRouting(
  cases: readonly RoutingCase[],
  search: (text: string) => SearchResult,
): RoutingReport {
  for (let pass = 0; pass < WARMUP_PASSES; pass++) for (const item of cases) search(item.query)
  let top1 = 0
  let recall5 = 0
  let reciprocal = 0
  let noToolRight = 0
  const times: number[] = []
  const misses: RoutingMiss[] = []
  for (let pass = 0; pass < LATENCY_PASSES; pass++) {
    for (const item of cases) {
      const started = process.hrtime.bigint()
      search(item.query)
      times.push(Number(process.hrtime.bigint() - started) / 1000)
    }
  }
  for (const item of cases) {
    const result = search(item.query)
    const ids = result.hits.map((hit) => hit.id)
    const expectsNoTool = item.expected_tool === null
    if (expectsNoTool === (result.noTool !== undefined)) noToolRight++
    const accepted = new Set<string>(item.accept ?? [])
    if (item.expected_tool) accepted.add(item.expected_tool)
    let rank: number | null = null
    if (expectsNoTool) rank = result.noTool ? 1 : null
    else {
      const index = ids.slice(0, 5).findIndex((id) => accepted.has(id))
      rank = index === -1 ? null : index + 1
    }
    if (rank === 1) top1++
    if (rank !== null) {
      recall5++
      reciprocal += 1 / rank
    }
    if (rank !== 1) {
      misses.push({
        query: item.query,
        expected: item.expected_tool,
        accept: [...accepted],
        got: ids.slice(0, 5),
        ...(result.noTool ? { noTool: result.noTool.kind } : {}),
        rank,
      })
    }
  }
  const n = cases.length
  const sorted = times.sort((a, b) => a - b)
  return {
    n,
    top1: round(top1 / Math.max(1, n)),
    recall5: round(recall5 / Math.max(1, n)),
    mrr: round(reciprocal / Math.max(1, n)),
    no_tool_accuracy: round(noToolRight / Math.max(1, n)),
    p50_us: round(percentile(sorted, 50), 1),
    p99_us: round(percentile(sorted, 99), 1),
    misses,
  }
}

/** Parses JSON lines, skipping blank lines; a bad line names its number. */
export function parseRoutingCases(text: string): RoutingCase[] {
  const cases: RoutingCase[] = []
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      throw new Error(`line ${index + 1}: not JSON`)
    }
    const item = parsed as Partial<RoutingCase>
    if (
      typeof item.query !== 'string' ||
      (item.expected_tool !== null && typeof item.expected_tool !== 'string')
    ) {
      throw new Error(`line ${index + 1}: needs "query" and "expected_tool"`)
    }
    cases.push({ query: item.query, expected_tool: item.expected_tool, accept: item.accept ?? null })
  })
  return cases
}
