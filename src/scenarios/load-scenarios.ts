import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import type { z } from 'zod'
import { type Scenario, type StateExpectation, scenarioSchema } from './scenario-schema.ts'

export const DEFAULT_SCENARIO_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url))

export interface LoadedScenario extends Scenario {
  /** File the scenario came from, for error messages and the report. */
  file: string
}

export class ScenarioFileError extends Error {
  readonly code = 'M1_ERR_SCENARIO_FILE'
}

/** `turns[2].expect.regex[0]`: where in the document the problem is. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  return out || '(root)'
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
    .join('; ')
}

/**
 * Parses one YAML file holding one scenario or several (`---` separated documents). A bad file
 * throws naming the file, the document and the field, so an author fixes it without guessing.
 */
export function parseScenarioFile(text: string, file: string): LoadedScenario[] {
  const documents = parseAllDocuments(text)
  if (!Array.isArray(documents)) throw new ScenarioFileError(`${file}: not a YAML document`)
  const scenarios: LoadedScenario[] = []
  documents.forEach((document, index) => {
    const where = documents.length > 1 ? `${file} (document ${index + 1})` : file
    if (document.errors.length > 0) {
      throw new ScenarioFileError(`${where}: invalid YAML: ${document.errors[0]!.message}`)
    }
    const value = document.toJS()
    if (value === null || value === undefined) return
    const parsed = scenarioSchema.safeParse(value)
    if (!parsed.success) throw new ScenarioFileError(`${where}: ${describeIssues(parsed.error)}`)
    const regexProblem = findBadRegex(parsed.data)
    if (regexProblem) throw new ScenarioFileError(`${where}: ${regexProblem}`)
    scenarios.push({ ...parsed.data, file })
  })
  return scenarios
}

/** Compiles every regex once at load, so a typo fails loading instead of one turn much later. */
function findBadRegex(scenario: Scenario): string | undefined {
  const check = (pattern: string, path: string): string | undefined => {
    // Templates are replaced by escaped text at run time; a placeholder keeps the shape valid.
    const probe = pattern.replace(/\{\{[^}]*\}\}/g, 'x')
    try {
      new RegExp(probe, 'iu')
      return undefined
    } catch (error) {
      return `${path}: invalid regex ${JSON.stringify(pattern)}: ${(error as Error).message}`
    }
  }
  for (const [index, step] of scenario.turns.entries()) {
    if (!('expect' in step) || !step.expect) continue
    for (const field of ['regex', 'not_regex', 'buttons'] as const) {
      for (const [position, pattern] of (step.expect[field] ?? []).entries()) {
        const problem = check(pattern, `turns[${index}].expect.${field}[${position}]`)
        if (problem) return problem
      }
    }
  }
  const states: [StateExpectation, string][] = scenario.after.map((expectation, index) => [
    expectation,
    `after[${index}]`,
  ])
  for (const [index, step] of scenario.turns.entries()) {
    if (!('check' in step)) continue
    for (const [position, expectation] of step.check.entries()) {
      states.push([expectation, `turns[${index}].check[${position}]`])
    }
  }
  for (const [expectation, where] of states) {
    const fields: [string, string | undefined][] = []
    if ('case' in expectation) {
      fields.push(['case.subject_regex', expectation.case.subject_regex])
      fields.push(['case.message_regex', expectation.case.message_regex])
    }
    if ('feedback' in expectation) {
      fields.push(['feedback.question_regex', expectation.feedback.question_regex])
      fields.push(['feedback.answer_regex', expectation.feedback.answer_regex])
    }
    for (const [name, pattern] of fields) {
      const problem = pattern === undefined ? undefined : check(pattern, `${where}.${name}`)
      if (problem) return problem
    }
  }
  return undefined
}

/** Every `*.yaml`/`*.yml` of the directory, in file-name order; names must be unique. */
export async function loadScenarios(directory: string = DEFAULT_SCENARIO_DIR): Promise<LoadedScenario[]> {
  let names: string[]
  try {
    names = (await readdir(directory)).filter((name) => /\.ya?ml$/i.test(name)).sort()
  } catch (error) {
    throw new ScenarioFileError(`cannot read scenario directory ${directory}: ${(error as Error).message}`)
  }
  const scenarios: LoadedScenario[] = []
  const seen = new Map<string, string>()
  for (const name of names) {
    const path = join(directory, name)
    for (const scenario of parseScenarioFile(await readFile(path, 'utf8'), basename(path))) {
      const previous = seen.get(scenario.name)
      if (previous) {
        throw new ScenarioFileError(
          `${scenario.file}: duplicate scenario name '${scenario.name}' (also in ${previous})`,
        )
      }
      seen.set(scenario.name, scenario.file)
      scenarios.push(scenario)
    }
  }
  return scenarios
}

/** `--filter`: a substring of the name, file or category (case-insensitive). */
export function filterScenarios<T extends LoadedScenario>(scenarios: T[], filter: string | undefined): T[] {
  if (!filter) return scenarios
  const needle = filter.toLowerCase()
  return scenarios.filter(
    (scenario) =>
      scenario.name.toLowerCase().includes(needle) ||
      scenario.file.toLowerCase().includes(needle) ||
      scenario.category.toLowerCase() === needle,
  )
}
