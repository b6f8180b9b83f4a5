import { describe, expect, it } from 'vitest'
import {
  filterScenarios,
  loadScenarios,
  parseScenarioFile,
  ScenarioFileError,
} from '../../../src/scenarios/load-scenarios.ts'

const minimal = `
name: a-scenario
description: something
category: read
user: '385912345678'
turns:
  - say: bok
`

describe('parseScenarioFile', () => {
  it('parses one scenario with defaults for setup and after', () => {
    const [scenario] = parseScenarioFile(minimal, 'x.yaml')
    expect(scenario).toMatchObject({ name: 'a-scenario', file: 'x.yaml', after: [] })
    expect(scenario!.setup).toMatchObject({
      consent: 'granted',
      channel: 'whatsapp',
      faults: [],
      latency_ms: 0,
    })
  })

  it('parses several documents separated by ---', () => {
    const scenarios = parseScenarioFile(
      `${minimal}\n---\n${minimal.replace('a-scenario', 'b-scenario')}`,
      'x.yaml',
    )
    expect(scenarios.map((scenario) => scenario.name)).toEqual(['a-scenario', 'b-scenario'])
  })

  it('names the file, the document and the field of a schema error', () => {
    const broken = `${minimal}\n---\n${minimal.replace('  - say: bok', "  - say: bok\n    expect: { contain: ['x'] }")}`
    expect(() => parseScenarioFile(broken, 'broken.yaml')).toThrow(ScenarioFileError)
    expect(() => parseScenarioFile(broken, 'broken.yaml')).toThrow(/broken\.yaml \(document 2\): turns\[0\]/)
  })

  it('rejects a missing required field with its name', () => {
    expect(() => parseScenarioFile(minimal.replace('user:', 'usr:'), 'u.yaml')).toThrow(/u\.yaml: .*user/)
  })

  it('rejects an invalid regex at load time, naming where it is', () => {
    const bad = minimal.replace('  - say: bok', "  - say: bok\n    expect: { regex: ['(unclosed'] }")
    expect(() => parseScenarioFile(bad, 'r.yaml')).toThrow(
      /r\.yaml: turns\[0\]\.expect\.regex\[0\]: invalid regex/,
    )
  })

  it('accepts templates inside regexes', () => {
    const withTemplate = minimal.replace(
      '  - say: bok',
      "  - say: bok\n    expect: { regex: ['{{date:+1}}|x'] }",
    )
    expect(parseScenarioFile(withTemplate, 't.yaml')).toHaveLength(1)
  })

  it('reports invalid YAML', () => {
    expect(() => parseScenarioFile('name: [unclosed', 'y.yaml')).toThrow(/y\.yaml: invalid YAML/)
  })

  it('validates fault rules with the sandbox schema', () => {
    const faulty = minimal.replace('turns:', 'setup:\n  faults: [{ kind: explode }]\nturns:')
    expect(() => parseScenarioFile(faulty, 'f.yaml')).toThrow(/setup\.faults\[0\]\.kind/)
  })
})

describe('the scenario suite in scenarios/', () => {
  it('loads, has unique names and at least 60 scenarios', async () => {
    const scenarios = await loadScenarios()
    expect(scenarios.length).toBeGreaterThanOrEqual(60)
    expect(new Set(scenarios.map((scenario) => scenario.name)).size).toBe(scenarios.length)
  })

  it('filters by name substring or by category', async () => {
    const scenarios = await loadScenarios()
    expect(filterScenarios(scenarios, 'booking-full').map((scenario) => scenario.name)).toEqual([
      'booking-full-path',
    ])
    expect(filterScenarios(scenarios, 'errors').every((scenario) => scenario.category === 'errors')).toBe(
      true,
    )
    expect(filterScenarios(scenarios, undefined)).toHaveLength(scenarios.length)
  })
})
