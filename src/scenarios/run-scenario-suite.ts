import { createScenarioEnvironment, type ScenarioEnvironmentOptions } from './create-scenario-environment.ts'
import type { LoadedScenario } from './load-scenarios.ts'
import { runScenario, type ScenarioFailure, type ScenarioResult } from './run-scenario.ts'

/** The contract of `m1 scenarios --json` (issue 5). */
export interface ScenarioSummary {
  total: number
  passed: number
  failed: number
  skipped: number
  durationMs: number
  failures: ScenarioFailure[]
}

export function summarise(results: readonly ScenarioResult[], durationMs: number): ScenarioSummary {
  const failures = results.flatMap((result) => (result.failure ? [result.failure] : []))
  return {
    total: results.length,
    passed: results.filter((result) => result.status === 'passed').length,
    failed: failures.length,
    skipped: results.filter((result) => result.status === 'skipped').length,
    durationMs: Math.round(durationMs),
    failures,
  }
}

/** Runs scenarios one after another on one shared environment (each gets a fresh tenant). */
export async function runScenarioSuite(
  scenarios: readonly LoadedScenario[],
  options: ScenarioEnvironmentOptions & { onResult?: (result: ScenarioResult) => void } = {},
): Promise<{ results: ScenarioResult[]; summary: ScenarioSummary }> {
  const started = performance.now()
  const environment = await createScenarioEnvironment(options)
  const results: ScenarioResult[] = []
  try {
    for (const scenario of scenarios) {
      const result = await runScenario(scenario, environment)
      results.push(result)
      options.onResult?.(result)
    }
  } finally {
    await environment.close()
  }
  return { results, summary: summarise(results, performance.now() - started) }
}
