import { formatResultLine, formatScenarioReport, formatTranscript } from './format-scenario-report.ts'
import { filterScenarios, loadScenarios, ScenarioFileError } from './load-scenarios.ts'
import { runScenarioSuite } from './run-scenario-suite.ts'

/**
 * `m1 scenarios`: exit code 0 when every selected scenario passed, 1 when one failed, 2 when
 * the files are invalid or nothing matched the filter. Configuration comes from the scenarios
 * themselves, never from the process environment, so a developer's `.env` cannot change a run.
 */
export async function runScenarioCommand(options: {
  filter?: string
  json?: boolean
  dir?: string
  transcript?: boolean
}): Promise<number> {
  let scenarios: Awaited<ReturnType<typeof loadScenarios>>
  try {
    scenarios = filterScenarios(await loadScenarios(options.dir), options.filter)
  } catch (error) {
    if (!(error instanceof ScenarioFileError)) throw error
    process.stderr.write(`${error.message}\n`)
    return 2
  }
  if (scenarios.length === 0) {
    process.stderr.write(`no scenario matches '${options.filter ?? ''}'\n`)
    return 2
  }
  const width = Math.min(50, Math.max(...scenarios.map((scenario) => scenario.name.length)))
  const { results, summary } = await runScenarioSuite(scenarios, {
    onResult: options.json
      ? undefined
      : (result) => {
          process.stdout.write(`${formatResultLine(result, width)}\n`)
          if (options.transcript) process.stdout.write(`${formatTranscript(result)}\n`)
        },
  })
  if (options.json) {
    const { total, passed, failed, skipped, durationMs, failures } = summary
    process.stdout.write(`${JSON.stringify({ total, passed, failed, skipped, durationMs, failures })}\n`)
  } else {
    process.stdout.write(`${formatScenarioReport(results, summary)}\n`)
  }
  return summary.failed === 0 ? 0 : 1
}
