import { afterAll, beforeAll, describe, it } from 'vitest'
import {
  createScenarioEnvironment,
  type ScenarioEnvironment,
} from '../../src/scenarios/create-scenario-environment.ts'
import { formatTranscript } from '../../src/scenarios/format-scenario-report.ts'
import { loadScenarios } from '../../src/scenarios/load-scenarios.ts'
import { runScenario } from '../../src/scenarios/run-scenario.ts'

// The suite of scenarios/*.yaml, one test per scenario, on one shared environment (the same
// runner as `m1 scenarios`). A failure shows the failing step, the reply and the conversation.
const scenarios = await loadScenarios()
let environment: ScenarioEnvironment

beforeAll(async () => {
  environment = await createScenarioEnvironment()
})

afterAll(async () => {
  await environment?.close()
})

describe('scenarios', () => {
  for (const scenario of scenarios) {
    const test = scenario.skip ? it.skip : it
    test(`${scenario.category}: ${scenario.name}`, async () => {
      const result = await runScenario(scenario, environment)
      if (!result.failure) return
      const { step, input, reply, problems } = result.failure
      throw new Error(
        [
          `${scenario.name} (${scenario.file}): ${scenario.description}`,
          step ? `step ${step}: ${JSON.stringify(input)}` : 'after the conversation',
          ...(reply !== undefined ? [`reply: ${JSON.stringify(reply)}`] : []),
          ...problems.map((problem) => `- ${problem}`),
          'conversation:',
          formatTranscript(result),
        ].join('\n'),
      )
    })
  }
})
