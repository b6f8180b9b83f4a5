import type { z } from 'zod'
import { adminConfigSchema } from './admin.ts'
import { channelConfigSchema } from './channel.ts'
import { coreConfigSchema } from './core.ts'
import { fleetConfigSchema } from './fleet.ts'
import { llmConfigSchema } from './llm.ts'
import { searchConfigSchema } from './search.ts'
import { understandingConfigSchema } from './understanding.ts'

export const configSchema = coreConfigSchema
  .extend(channelConfigSchema.shape)
  .extend(fleetConfigSchema.shape)
  .extend(searchConfigSchema.shape)
  .extend(llmConfigSchema.shape)
  .extend(adminConfigSchema.shape)
  .extend(understandingConfigSchema.shape)

export type Config = z.infer<typeof configSchema>

export class ConfigError extends Error {
  readonly code = 'M1_ERR_CONFIG'
}

/** Validates the environment once; the message names the first offending variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    throw new ConfigError(`invalid configuration: ${name}: ${issue.message}`)
  }
  const config = parsed.data
  if (config.NODE_ENV === 'production' && !config.WEBHOOK_HMAC_SECRET && !config.WEBHOOK_BASIC_AUTH) {
    if (!config.WEBHOOK_AUTH_DISABLED) {
      throw new ConfigError(
        'invalid configuration: WEBHOOK_HMAC_SECRET: production needs WEBHOOK_HMAC_SECRET or WEBHOOK_BASIC_AUTH (or WEBHOOK_AUTH_DISABLED=true)',
      )
    }
  }
  return config
}

/** Config for tests: defaults plus overrides, never the process environment. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides })
}
