import { type Config, ConfigError, loadConfig } from './config/index.ts'

/** The only place that reads process.env: invalid config stops the process with one clear line. */
export function configFromEnvironment(): Config {
  try {
    return loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
}
