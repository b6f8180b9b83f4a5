import { describe, expect, it } from 'vitest'
import {
  groupInputs,
  isRefusal,
  neededInputs,
  questionFor,
  readAnswer,
  readPeriodAnswer,
} from '../../../src/dialogue/flows/tool-inputs.ts'
import type { Tool, ToolParameter } from '../../../src/registry/tool.ts'
import { readMessage } from '../../../src/understanding/read-message.ts'

/** Monday 09.03.2026. 09:00 in Zagreb. */
const NOW = new Date('2026-03-09T08:00:00Z')

function tool(path: string, parameters: Partial<ToolParameter>[]): Tool {
  const entity = path.split('/')[1]!
  return {
    id: `get${path.replaceAll('/', '_')}`,
    bareId: `get${path.replaceAll('/', '_')}`,
    service: 'vehiclemgt',
    method: 'get',
    path,
    entity,
    summary: '',
    description: '',
    tags: [],
    parameters: parameters.map((parameter) => ({
      in: 'path',
      required: true,
      type: 'string',
      name: 'x',
      ...parameter,
    })),
    requestBody: [],
    responseFields: [],
    returnsList: true,
    readOnly: true,
  }
}

const average = tool('/AverageFuelExpensesAndMileages/{from}/{to}', [{ name: 'from' }, { name: 'to' }])
const monthly = tool('/Stats/FleetAverageMonthlyMileage/{year}/{month}', [
  { name: 'year', type: 'integer' },
  { name: 'month', type: 'integer' },
])
const oneCase = tool('/Cases/{id}', [{ name: 'id', type: 'integer' }])
const byModel = tool('/VehicleInputHelper/PreviousVehicle/{fullModelName}', [{ name: 'fullModelName' }])

function groups(of: Tool) {
  return groupInputs(of, neededInputs(of))!
}

describe('tool inputs', () => {
  it('asks one question for a pair: a period fills from and to, a month fills year and month', () => {
    expect(groups(average).map((group) => [group.kind, group.inputs.map((input) => input.name)])).toEqual([
      ['period', ['from', 'to']],
    ])
    expect(groups(monthly).map((group) => [group.kind, group.inputs.length])).toEqual([['month', 2]])
    expect(groups(oneCase)[0]).toMatchObject({ kind: 'record', label: 'slučaja' })
  })

  it('asks by meaning, never by the parameter name', () => {
    const questions = [average, monthly, oneCase, byModel].map((of) => questionFor(groups(of)[0]!))
    expect(questions[0]).toMatch(/^Za koje razdoblje\?/)
    expect(questions[1]).toMatch(/^Za koji mjesec\?/)
    expect(questions[2]).toBe('Napišite broj slučaja (npr. 12).')
    expect(questions[3]).toContain('Puni naziv modela')
    for (const question of questions)
      expect(question).not.toMatch(/\b(from|to|year|month|id|fullModelName)\b/)
  })

  it('reads periods the way people say them', () => {
    const period = (text: string) => readPeriodAnswer(readMessage(text), NOW)
    expect(period('ovaj mjesec')).toMatchObject({ from: '2026-03-01T00:00:00', to: '2026-03-31T23:59:59' })
    expect(period('prošli mjesec')).toMatchObject({ from: '2026-02-01T00:00:00', to: '2026-02-28T23:59:59' })
    expect(period('za veljaču')).toMatchObject({ month: { year: 2026, month: 2 } })
    expect(period('prosinac 2025')).toMatchObject({ from: '2025-12-01T00:00:00' })
    expect(period('prošle godine')).toMatchObject({ from: '2025-01-01T00:00:00', to: '2025-12-31T23:59:59' })
    expect(period('zadnjih 7 dana')).toMatchObject({ from: '2026-03-03T00:00:00', to: '2026-03-09T23:59:59' })
    expect(period('od 1.3. do 15.3.')).toMatchObject({
      from: '2026-03-01T00:00:00',
      to: '2026-03-15T23:59:59',
    })
    expect(period('jučer')).toMatchObject({ from: '2026-03-08T00:00:00' })
    expect(period('ne znam')).toBeUndefined()
  })

  it('fills every input of a group from one answer', () => {
    expect(readAnswer(groups(average)[0]!, readMessage('prošli mjesec'), NOW)).toEqual({
      from: '2026-02-01T00:00:00',
      to: '2026-02-28T23:59:59',
    })
    expect(readAnswer(groups(monthly)[0]!, readMessage('veljača'), NOW)).toEqual({ year: 2026, month: 2 })
    expect(readAnswer(groups(oneCase)[0]!, readMessage('broj 12'), NOW)).toEqual({ id: 12 })
    expect(readAnswer(groups(oneCase)[0]!, readMessage('ne znam'), NOW)).toBeUndefined()
  })

  it('hears a plain no as leaving', () => {
    expect(isRefusal(readMessage('ne'))).toBe(true)
    expect(isRefusal(readMessage('ne, hvala'))).toBe(true)
    expect(isRefusal(readMessage('nekako prošli mjesec'))).toBe(false)
  })
})
