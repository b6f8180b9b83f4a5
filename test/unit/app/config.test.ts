import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { ConfigError, configSchema, loadConfig } from '../../../src/app/config/index.ts'

describe('configuration', () => {
  it('documents every variable in .env.example', async () => {
    const example = await readFile(new URL('../../../.env.example', import.meta.url), 'utf8')
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]))
    const missing = Object.keys(configSchema.shape).filter((name) => !documented.has(name))
    expect(missing).toEqual([])
  })

  it('runs on defaults with an empty environment', () => {
    const config = loadConfig({})
    expect(config.PORT).toBe(3000)
    expect(config.DATA_DIR).toBe('./.data')
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.REDIS_URL).toBeUndefined()
  })

  it('names the offending variable in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^invalid configuration: PORT: /)
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/)
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
  })

  it('refuses production without webhook authentication unless explicitly disabled', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_HMAC_SECRET/)
    expect(loadConfig({ NODE_ENV: 'production', WEBHOOK_HMAC_SECRET: 's' }).NODE_ENV).toBe('production')
    expect(loadConfig({ NODE_ENV: 'production', WEBHOOK_AUTH_DISABLED: 'true' }).NODE_ENV).toBe('production')
  })
})
