import { describe, expect, it } from 'vitest'
import { createSandboxDataset } from '../../../src/sandbox/mobilityone/create-sandbox-dataset.ts'
import {
  expandTemplate,
  formatCroatianDate,
  resolveAtStart,
  ScenarioTemplateError,
  type TemplateContext,
} from '../../../src/scenarios/expand-scenario-template.ts'

function context(): TemplateContext {
  return { dataset: createSandboxDataset({ baseDate: '2026-03-09' }), today: '2026-03-09' }
}

describe('expandTemplate', () => {
  it('formats relative dates three ways', () => {
    const ctx = context()
    expect(expandTemplate('{{date:+1}} {{dm:+6}} {{iso:-4}}', ctx)).toBe('10.03.2026. 15.3. 2026-03-05')
    expect(formatCroatianDate('2026-12-01T08:00:00')).toBe('01.12.2026.')
  })

  it('reads vehicle fields by plate, with Croatian number formatting', () => {
    const ctx = context()
    expect(expandTemplate('{{vehicle:ZG-5521-KL:mileage}} km', ctx)).toBe('45.231 km')
    expect(expandTemplate('{{vehicle:zg5521kl:plate-compact}}', ctx)).toBe('zg5521kl')
    expect(expandTemplate('{{vehicle:ZG-5521-KL:due:registracija}}', ctx)).toMatch(/^\d{2}\.\d{2}\.\d{4}\.$/)
  })

  it('gives amounts as a tolerant pattern inside regexes and escapes other values', () => {
    const ctx = context()
    const pattern = expandTemplate('{{vehicle:ZG-5521-KL:monthly}}', ctx, 'regex')
    const shown = expandTemplate('{{vehicle:ZG-5521-KL:monthly}}', ctx)
    expect(new RegExp(pattern).test(shown)).toBe(true)
    expect(new RegExp(pattern).test(shown.replace(',', '.'))).toBe(true)
    expect(expandTemplate('{{date:+1}}', ctx, 'regex')).toBe('10\\.03\\.2026\\.')
  })

  it('lists free and busy pool vehicles for a period from the calendar', () => {
    const ctx = context()
    const free = expandTemplate('{{free:+1:8-16:0:plate}}', ctx)
    const busy = expandTemplate('{{busy:+1:8-16:0:plate}}', ctx)
    expect(free).toMatch(/^[A-Z]{2}-\d{3,4}-[A-Z]{1,2}$/)
    expect(busy).not.toBe(free)
  })

  it('resolves the items of a person and the next id', () => {
    const ctx = { ...context(), nextIds: { calendar: 30, cases: 19, trips: 40, expenses: 80 } }
    expect(expandTemplate('{{case:Ivan Horvat:0:subject}}', ctx)).not.toBe('')
    expect(expandTemplate('{{next:case}}', ctx)).toBe('19')
  })

  it('finds the plate in the N-th shown item', () => {
    const ctx = { ...context(), shown: ['Škoda Fabia (ZD-1215-E)', 'Ford Focus – ZD-4117-II, 95.777 km'] }
    expect(expandTemplate('{{shown-plate:2}}', ctx)).toBe('ZD-4117-II')
  })

  it('fixes data templates at the start so later changes do not move them', () => {
    const ctx = context()
    ctx.fixed = resolveAtStart({ say: 'uzimam {{free:+1:8-16:0:plate}}' }, ctx)
    const before = expandTemplate('{{free:+1:8-16:0:plate}}', ctx)
    ctx.dataset.tenants[0]!.calendar.clear()
    ctx.dataset.tenants[0]!.vehicles.clear()
    expect(expandTemplate('{{free:+1:8-16:0:plate}}', ctx)).toBe(before)
  })

  it('explains unknown templates and people', () => {
    const ctx = context()
    expect(() => expandTemplate('{{nope:1}}', ctx)).toThrow(ScenarioTemplateError)
    expect(() => expandTemplate('{{person:Nobody Here:email}}', ctx)).toThrow(
      /no seeded person named 'Nobody Here'/,
    )
  })
})
