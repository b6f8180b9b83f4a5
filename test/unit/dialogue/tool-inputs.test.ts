import { describe, expect, it } from 'vitest'
import {
  completeAmounts,
  groupInputs,
  isRefusal,
  isStatusOfNewRecord,
  neededInputs,
  questionFor,
  readAnswer,
  readPeriodAnswer,
  readStatedTotal,
} from '../../../src/dialogue/flows/tool-inputs.ts'
import type { Tool, ToolField, ToolParameter } from '../../../src/registry/tool.ts'
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

/** The create-expense tool as the real catalogue has it (the fields that matter here). */
function createTool(path: string, body: ToolField[]): Tool {
  return {
    ...tool(path, []),
    id: `post${path.replaceAll('/', '_')}`,
    method: 'post',
    requestBody: body,
    readOnly: false,
  }
}

const addExpense = createTool('/Expenses', [
  { name: 'TenantId', type: 'string', format: 'uuid', required: false, context: 'tenant' },
  { name: 'ExpenseDate', type: 'string', format: 'date', required: true },
  { name: 'ExpenseTypeId', type: 'integer', required: true },
  { name: 'Quantity', type: 'number', required: true },
  { name: 'PricePerUnit', type: 'number', required: true },
  { name: 'Amount', type: 'number', required: true },
  { name: 'NetAmount', type: 'number', required: false },
  { name: 'StatusId', type: 'integer', required: true },
  { name: 'VehicleId', type: 'string', format: 'uuid', required: false, context: 'vehicle' },
  { name: 'PersonId', type: 'string', format: 'uuid', required: false, context: 'person' },
])

describe('inputs of a new record', () => {
  it('asks a sum by its total first and takes the vehicle a create names, even where optional', () => {
    expect(neededInputs(addExpense).map((input) => input.name)).toEqual([
      'ExpenseDate',
      'ExpenseTypeId',
      'Amount',
      'Quantity',
      'PricePerUnit',
      'StatusId',
      'VehicleId',
    ])
    // A change of an existing record keeps its vehicle unless the user names one.
    const update = { ...addExpense, method: 'put' as const }
    expect(neededInputs(update).map((input) => input.name)).not.toContain('VehicleId')
  })

  it('reads a stated sum of money as the total, never a bare number', () => {
    const inputs = neededInputs(addExpense)
    expect(readStatedTotal(inputs, readMessage('natocio sam gorivo za 58,40 eura danas'))).toEqual({
      Amount: 58.4,
    })
    expect(readStatedTotal(inputs, readMessage('dodaj trosak gorivo 65 eur danas'))).toEqual({ Amount: 65 })
    expect(readStatedTotal(inputs, readMessage('račun od 54,20 €'))).toEqual({ Amount: 54.2 })
    expect(readStatedTotal(inputs, readMessage('zapiši cestarinu do Splita, 24,60'))).toBeUndefined()
    expect(readStatedTotal(inputs, readMessage('gorivo 72 €, parking 9 €'))).toBeUndefined()
  })

  it('completes a sum from its parts', () => {
    const inputs = neededInputs(addExpense)
    const total: Record<string, unknown> = { Amount: 58.4 }
    expect(completeAmounts(inputs, total).sort()).toEqual(['PricePerUnit', 'Quantity'])
    expect(total).toEqual({ Amount: 58.4, Quantity: 1, PricePerUnit: 58.4 })
    const litres: Record<string, unknown> = { Amount: 58, Quantity: 40 }
    expect(completeAmounts(inputs, litres)).toEqual(['PricePerUnit'])
    expect(litres.PricePerUnit).toBe(1.45)
    const parts: Record<string, unknown> = { Quantity: 2, PricePerUnit: 3.5 }
    expect(completeAmounts(inputs, parts)).toEqual(['Amount'])
    expect(parts.Amount).toBe(7)
    expect(completeAmounts(inputs, {})).toEqual([])
  })

  it('sets a new record’s status itself and takes a date field’s day alone', () => {
    const [status] = neededInputs(addExpense).filter((input) => input.name === 'StatusId')
    expect(isStatusOfNewRecord(addExpense, status!)).toBe(true)
    expect(isStatusOfNewRecord({ ...addExpense, method: 'patch' }, status!)).toBe(false)
    const date = groupInputs(addExpense, neededInputs(addExpense))!.find((group) => group.kind === 'day')!
    expect(readAnswer(date, readMessage('danas'), NOW)).toEqual({ ExpenseDate: '2026-03-09' })
    expect(readAnswer(date, readMessage('jučer'), NOW)).toEqual({ ExpenseDate: '2026-03-08' })
  })
})
