import type { ScenarioResult } from './run-scenario.ts'
import type { ScenarioSummary } from './run-scenario-suite.ts'

const MARK: Record<ScenarioResult['status'], string> = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' }

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length)
}

/** One line per scenario while the suite runs. */
export function formatResultLine(result: ScenarioResult, nameWidth = 44): string {
  const detail =
    result.status === 'skipped'
      ? (result.skipReason ?? '')
      : result.failure
        ? `${result.failure.step ? `step ${result.failure.step}: ` : ''}${result.failure.problems[0] ?? ''}`
        : ''
  return `${MARK[result.status]}  ${pad(result.category, 11)} ${pad(result.name, nameWidth)} ${pad(`${result.durationMs} ms`, 8)} ${detail}`
}

/** The readable report: failures in full (input, reply, every problem), then the totals by category. */
export function formatScenarioReport(results: readonly ScenarioResult[], summary: ScenarioSummary): string {
  const lines: string[] = []
  const failed = results.filter((result) => result.failure)
  if (failed.length > 0) {
    lines.push('', 'Failures:')
    for (const result of failed) {
      const failure = result.failure!
      lines.push('', `✗ ${result.name} (${result.file})`)
      if (failure.step) lines.push(`  step ${failure.step}: ${JSON.stringify(failure.input ?? '')}`)
      if (failure.reply !== undefined) lines.push(`  reply: ${JSON.stringify(failure.reply)}`)
      for (const problem of failure.problems) lines.push(`  - ${problem}`)
    }
  }
  const categories = new Map<string, { passed: number; failed: number; skipped: number }>()
  for (const result of results) {
    const entry = categories.get(result.category) ?? { passed: 0, failed: 0, skipped: 0 }
    entry[result.status]++
    categories.set(result.category, entry)
  }
  lines.push('', `${pad('category', 14)} ${pad('passed', 7)} ${pad('failed', 7)} skipped`)
  for (const [category, counts] of [...categories.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `${pad(category, 14)} ${pad(String(counts.passed), 7)} ${pad(String(counts.failed), 7)} ${counts.skipped}`,
    )
  }
  lines.push(
    '',
    `${summary.total} scenarios: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (${(summary.durationMs / 1000).toFixed(1)} s)`,
  )
  return lines.join('\n')
}

/** The conversation of one scenario, for `--transcript` and the vitest failure message. */
export function formatTranscript(result: ScenarioResult): string {
  return result.transcript
    .map(
      (turn) => `    > ${turn.input}${turn.reply ? `\n    < ${turn.reply.replace(/\n/g, '\n      ')}` : ''}`,
    )
    .join('\n')
}
