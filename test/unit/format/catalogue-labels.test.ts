import { describe, expect, it } from 'vitest'
import {
  composeCollectionNames,
  composeLabel,
  entityNames,
  fieldLabel,
  planField,
} from '../../../src/format/catalogue/index.ts'
import { toolChoiceLabel } from '../../../src/format/catalogue/tool-choice-label.ts'
import type { Tool } from '../../../src/registry/tool.ts'

describe('catalogue field labels', () => {
  it('uses the curated label for the fields people meet most', () => {
    expect(fieldLabel('LicencePlate')).toBe('Registarska oznaka')
    expect(fieldLabel('licenceplate')).toBe('Registarska oznaka')
    expect(fieldLabel('LastMileage')).toBe('Kilometraža')
    expect(fieldLabel('ProviderName')).toBe('Leasing kuća')
    expect(fieldLabel('CaseStatus')).toBe('Status')
  })

  it('composes the rest in Croatian order: head noun first, the others in the genitive, adjectives agreeing', () => {
    expect(composeLabel('VehicleTypeName')).toBe('Vrsta vozila')
    expect(composeLabel('PeriodicActivityStatus')).toBe('Status periodične aktivnosti')
    expect(composeLabel('LastMileage')).toBe('Zadnja kilometraža')
    expect(composeLabel('CostCenterCode')).toBe('Šifra mjesta troška')
    expect(composeLabel('OrgUnitName')).toBe('Organizacijska jedinica')
    expect(composeLabel('AmountFrom')).toBe('Iznos od')
    expect(composeLabel('MileageExceeded')).toBe('Prekoračena kilometraža')
    expect(composeLabel('ContractEnd')).toBe('Kraj ugovora')
  })

  it('gives no label to technical fields or to words it cannot say in Croatian', () => {
    for (const name of [
      'Id',
      'VehicleId',
      'TenantId',
      'IsJsonInfo',
      'ExternalId',
      'Metadata',
      'RefNum1',
      'Frobnicator',
    ])
      expect(fieldLabel(name), name).toBeUndefined()
    expect(planField('MileageUnit')).toBeUndefined()
    expect(planField('IsCustomDataValid')).toBeUndefined()
    expect(planField('UtcRaisedOn')).toBeUndefined()
  })

  it('names collections for headings, counts and questions', () => {
    expect(composeCollectionNames('CaseStatuses')).toMatchObject({
      many: 'Statusi slučajeva',
      oneOf: 'statusa slučaja',
      gender: 'm',
    })
    expect(entityNames('PeriodicActivityStatuses')?.many).toBe('Statusi periodičnih aktivnosti')
    expect(entityNames('Cases')).toMatchObject({ one: 'Slučaj', many: 'Slučajevi', oneOf: 'slučaja' })
    // Lookup segments name the entity by its id field.
    expect(entityNames('VehicleTypeId')?.many).toBe('Vrste vozila')
  })

  it('classifies values by the field name once: money, kilometres, days, years, months, codes', () => {
    expect(planField('MonthlyAmount')?.kind).toBe('money')
    expect(planField('LastMileage')?.kind).toBe('km')
    expect(planField('MaintenanceMileagePeriod')?.kind).toBe('km')
    expect(planField('DaysToExpiry')?.kind).toBe('days')
    expect(planField('ProductionYear')?.kind).toBe('year')
    expect(planField('Month')?.kind).toBe('month')
    expect(planField('AssigneeType')?.kind).toBe('enum')
    expect(planField('ExpenseTypeName')?.kind).toBe('auto')
  })
})

describe('toolChoiceLabel', () => {
  const tool = (method: Tool['method'], path: string, entity: string): Tool =>
    ({ id: 'x', method, path, entity, summary: 'English summary' }) as Tool

  it('says what a tool does and to what, in Croatian', () => {
    expect(toolChoiceLabel(tool('get', '/vehiclemgt/Teams', 'Teams'))).toBe('Pregled: Timovi')
    expect(toolChoiceLabel(tool('get', '/vehiclemgt/Cases/{id}', 'Cases'))).toMatch(/^Jedan zapis: /)
    expect(toolChoiceLabel(tool('get', '/vehiclemgt/Cases/Agg', 'Cases'))).toMatch(/^Broj i zbroj /)
    expect(toolChoiceLabel(tool('delete', '/vehiclemgt/Expenses/{id}', 'Expenses'))).toMatch(/^Brisanje: /)
    expect(toolChoiceLabel(tool('get', '/vehiclemgt/Lookup/TeamId', 'Lookup'))).toBe('Šifrarnik: Timovi')
  })

  it('has no label (never the id or the English summary) for an entity without a Croatian name', () => {
    expect(toolChoiceLabel(tool('get', '/vehiclemgt/Qwxz', 'Qwxz'))).toBeUndefined()
  })
})
