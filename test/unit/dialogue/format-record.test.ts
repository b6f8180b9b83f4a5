import { describe, expect, it } from 'vitest'
import { formatRecord } from '../../../src/dialogue/flows/generic-tool-flow.ts'

describe('formatRecord', () => {
  it('shows a name instead of the id it names, in Croatian labels', () => {
    const lines = formatRecord({ FirstName: 'Ivan', PersonTypeId: 1, PersonTypeName: 'Vozač' })
    expect(lines).toContain('Vrsta osobe: Vozač')
    expect(lines.join('\n')).not.toMatch(/Vrsta osobe: 1/)
  })

  it('keeps an id that has no name beside it', () => {
    expect(formatRecord({ PersonTypeId: 3 })).toEqual(['Vrsta osobe: 3'])
  })
})
