import { describe, expect, it } from 'vitest'
import { formatFieldValue, renderCatalogueRead } from '../../../src/format/catalogue/index.ts'
import type { Tool, ToolField } from '../../../src/registry/tool.ts'

function tool(path: string, options: Partial<Tool> = {}): Tool {
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
    parameters: [],
    requestBody: [],
    responseFields: [] as ToolField[],
    returnsList: !path.includes('{'),
    readOnly: true,
    ...options,
  }
}

const vehicle = {
  Id: '51713d28-8f4e-4f53-8a9c-5ff9bd389408',
  TenantId: '3f6c2a1e-8b4d-4c7a-9e21-5d0b7f4a6c13',
  VehicleTypeId: 1,
  VehicleTypeName: 'Osobno vozilo',
  MileageUnit: 'km',
  GeneralStatusId: 1,
  GeneralStatusName: 'Aktivno',
  AvailabilityId: 2,
  Availability: 'Dodijeljeno vozaču',
  LicencePlate: 'ZG-5521-KL',
  FullVehicleName: 'Škoda Octavia Style 2.0 TDI',
  VIN: 'TMBAUKXT2NA931281',
  LastMileage: 45231,
  MonthlyAmount: 608.28,
  Currency: 'EUR',
  ContractEnd: '2028-07-08T00:00:00',
  IsCustomDataValid: true,
  ProductionYear: 2022,
}

describe('formatFieldValue', () => {
  it('writes every number the Croatian way with its unit', () => {
    expect(formatFieldValue(608.28, 'money', 'MonthlyAmount', { currency: 'EUR' })).toBe('608,28 EUR')
    expect(formatFieldValue(45231, 'km', 'LastMileage')).toBe('45.231 km')
    expect(formatFieldValue(12345.5, 'auto', 'Value')).toBe('12.345,5')
    expect(formatFieldValue(3, 'days', 'DaysToExpiry')).toBe('3 dana')
    expect(formatFieldValue(1, 'days', 'DaysToExpiry')).toBe('1 dan')
  })

  it('writes dates, booleans, months and coded values by name, and leaves out what must not show', () => {
    expect(formatFieldValue('2026-03-15T00:00:00', 'auto', 'DueDate')).toBe('15.03.2026.')
    expect(formatFieldValue('2026-03-15T14:30:00', 'auto', 'FromTime')).toBe('15.03.2026. 14:30')
    expect(formatFieldValue(true, 'auto', 'Active')).toBe('Da')
    expect(formatFieldValue(false, 'auto', 'Active')).toBe('Ne')
    expect(formatFieldValue(3, 'month', 'Month')).toBe('ožujak')
    expect(formatFieldValue(439, 'month', 'Month')).toBeUndefined()
    expect(formatFieldValue(913, 'year', 'Year')).toBeUndefined()
    expect(formatFieldValue(0, 'enum', 'EntryType')).toBe('rezervacija')
    expect(formatFieldValue(7, 'enum', 'AcquiringType')).toBeUndefined()
    expect(formatFieldValue('0001-01-01T00:00:00', 'auto', 'DueDate')).toBeUndefined()
    expect(formatFieldValue('7525af91-5671-4cc8-87e9-bf482685a017', 'auto', 'Code')).toBeUndefined()
  })
})

describe('renderCatalogueRead', () => {
  it('shows one vehicle by name and plate, with labelled fields and no ids, flags or units', () => {
    const rendering = renderCatalogueRead(tool('/Vehicles/{id}'), vehicle)
    expect(rendering.kind).toBe('shown')
    const text = rendering.kind === 'shown' ? rendering.text : ''
    expect(text.split('\n')[0]).toBe('*Vozilo*: Škoda Octavia Style 2.0 TDI (ZG-5521-KL)')
    expect(text).toContain('Kilometraža: 45.231 km')
    expect(text).not.toMatch(/51713d28|3f6c2a1e|Id\b|MileageUnit|IsCustom|: 1\b|: 2\b/)
    expect(text).not.toContain('608.28')
  })

  it('picks the fields the question is about', () => {
    const plain = renderCatalogueRead(tool('/Vehicles/{id}'), vehicle)
    const asked = renderCatalogueRead(tool('/Vehicles/{id}'), vehicle, {
      question: { terms: ['vin'], tokens: ['koji', 'je', 'vin'] },
    })
    expect(plain.kind === 'shown' && plain.text).not.toContain('VIN:')
    expect(asked.kind === 'shown' && asked.text.split('\n')[1]).toBe('VIN: TMBAUKXT2NA931281')
    const rate = renderCatalogueRead(tool('/Vehicles/{id}'), vehicle, {
      question: { tokens: ['mjesecna', 'rata'] },
    })
    expect(rate.kind === 'shown' && rate.text.split('\n')[1]).toBe('Mjesečna rata: 608,28 EUR')
  })

  it('lists records with a title each, at most a few fields, numbered records by their number, and the rest counted', () => {
    const cases = {
      Data: [1, 2, 3].map((id) => ({
        Id: id,
        TenantId: 't',
        VehicleId: 'v',
        Subject: `Kvar ${id}`,
        CaseStatusId: 1,
        CaseStatus: 'Otvoren',
        CaseTypeName: 'Kvar',
        Description: 'Opis',
        RaisedOn: '2026-02-18T10:00:00',
        LicencePlate: 'ZG-5521-KL',
      })),
      Count: 14,
    }
    const rendering = renderCatalogueRead(tool('/Cases'), cases, { own: true })
    expect(rendering.kind).toBe('shown')
    const lines = rendering.kind === 'shown' ? rendering.text.split('\n') : []
    expect(lines[0]).toBe('*Vaši slučajevi*')
    expect(lines[1]).toMatch(/^1\. \*Kvar 1\* \(br\. 1\) – Status: Otvoren, /)
    expect(lines[1]!.split(', ').length).toBeLessThanOrEqual(3)
    expect(lines.at(-1)).toBe('…i još 11')
  })

  it('refuses what cannot be shown meaningfully', () => {
    expect(renderCatalogueRead(tool('/Vehicles/GroupBy'), { Data: [{ Key: null, Value: 3 }] })).toEqual({
      kind: 'not-renderable',
      reason: 'technical-tool',
    })
    expect(renderCatalogueRead(tool('/AvailabilityProjection'), 605.82)).toEqual({
      kind: 'not-renderable',
      reason: 'no-meaning',
    })
    expect(renderCatalogueRead(tool('/Vehicles/Agg'), 34.5)).toMatchObject({ kind: 'not-renderable' })
    expect(renderCatalogueRead(tool('/Vehicles/Agg'), 34, { args: { function: 'sum' } })).toMatchObject({
      kind: 'not-renderable',
    })
    expect(
      renderCatalogueRead(tool('/Things'), {
        Data: [{ Id: 'a1b2c3d4-0000-4000-8000-000000000000', TenantId: 't' }],
      }),
    ).toEqual({ kind: 'not-renderable', reason: 'nothing-readable' })
  })

  it('says what a bare number is when the tool says it', () => {
    expect(renderCatalogueRead(tool('/Vehicles/Agg'), 34)).toMatchObject({
      kind: 'shown',
      text: '*Broj vozila*: 34',
    })
    expect(renderCatalogueRead(tool('/Stats/FleetAverageMonthlyExpenses'), 674.78)).toMatchObject({
      text: '*Prosječni mjesečni troškovi flote*: 674,78 EUR',
    })
  })

  it('answers an empty list plainly', () => {
    expect(renderCatalogueRead(tool('/Trips'), { Data: [], Count: 0 }, { own: true })).toEqual({
      kind: 'empty',
      text: '*Vaša putovanja*\nNema zapisa.',
    })
  })
})
