import { describe, expect, it } from 'vitest'
import {
  createPersonalDataRegistry,
  eraseEverywhere,
} from '../../../src/admin/gdpr/personal-data-registry.ts'

describe('personal data registry', () => {
  it('replaces a holder registered again under its name, so a rebuilt component is erased once', async () => {
    const registry = createPersonalDataRegistry()
    const erased: string[] = []
    registry.register({
      name: 'cache',
      erase: async () => {
        erased.push('old')
        return 1
      },
    })
    registry.register({
      name: 'database',
      erase: async () => {
        erased.push('db')
        return 2
      },
    })
    registry.register({
      name: 'cache',
      erase: async () => {
        erased.push('new')
        return 3
      },
    })
    expect(registry.holders().map((holder) => holder.name)).toEqual(['cache', 'database'])
    const report = await eraseEverywhere(registry, { phone: '385911111111' })
    // The database goes last, so a failed erase can be found and retried.
    expect(erased).toEqual(['new', 'db'])
    expect(report.removed).toEqual({ cache: 3, database: 2 })
  })

  it('keeps erasing the others when one holder fails, and reports it', async () => {
    const registry = createPersonalDataRegistry()
    registry.register({
      name: 'broken',
      erase: async () => {
        throw new Error('store down')
      },
    })
    registry.register({ name: 'fine', erase: async () => 1 })
    const report = await eraseEverywhere(registry, { phone: '385911111111' })
    expect(report.failed).toEqual({ broken: 'store down' })
    expect(report.removed).toEqual({ fine: 1 })
  })
})
