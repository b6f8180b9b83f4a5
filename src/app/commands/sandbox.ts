import type { Command } from 'commander'

interface SandboxCommandOptions {
  port?: string
  specsDir?: string
  latency?: string
}

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      'run the simulated MobilityOne tenant alone (SANDBOX_PORT), printing its URL, credentials and tenants',
    )
    .option('--port <port>', 'port to listen on (default SANDBOX_PORT)')
    .option(
      '--specs-dir <dir>',
      'serve the other operations of these OpenAPI specs too (default SANDBOX_SPECS_DIR)',
    )
    .option('--latency <ms>', 'delay per call in ms (default SANDBOX_LATENCY_MS)')
    .action(async (options: SandboxCommandOptions) => {
      const { configFromEnvironment } = await import('../environment.ts')
      const { listSeededDrivers, startSandbox } = await import('../../sandbox/mobilityone/index.ts')
      const config = configFromEnvironment()
      const sandbox = await startSandbox({
        port: options.port === undefined ? config.SANDBOX_PORT : Number(options.port),
        host: config.HOST,
        specsDir: options.specsDir ?? config.SANDBOX_SPECS_DIR,
        latencyMs: options.latency === undefined ? config.SANDBOX_LATENCY_MS : Number(options.latency),
        latencyJitterMs: config.SANDBOX_LATENCY_JITTER_MS,
        tokenTtlSeconds: config.SANDBOX_TOKEN_TTL_SECONDS,
        seed: config.SANDBOX_SEED,
      })
      const drivers = listSeededDrivers(sandbox.dataset).slice(0, 8)
      const lines = [
        `MobilityOne sandbox listening on ${sandbox.url}`,
        `  MOBILITY_API_URL=${sandbox.url}`,
        `  MOBILITY_AUTH_URL=${sandbox.url}/sso/connect/token`,
        `  MOBILITY_CLIENT_ID=${sandbox.clientId}`,
        `  MOBILITY_CLIENT_SECRET=${sandbox.clientSecret}`,
        `  MOBILITY_TENANT_ID=${sandbox.tenantIds[0]}`,
        `  tenants: ${sandbox.dataset.tenants.map((tenant) => `${tenant.id} (${tenant.name})`).join(', ')}`,
        `  specs: ${sandbox.url}/vehiclemgt/swagger/v1/swagger.json (and automation, tenantmgt)`,
        `  control: ${sandbox.url}/__control/calls, POST ${sandbox.url}/__control/faults, GET ${sandbox.url}/__control/drivers`,
        '  drivers to chat as:',
        ...drivers.map(
          (driver) =>
            `    ${driver.whatsapp}  ${driver.firstName} ${driver.lastName}  ${driver.plates.join(', ') || '(no vehicle)'}`,
        ),
      ]
      process.stdout.write(`${lines.join('\n')}\n`)
      const stop = async () => {
        await sandbox.close()
        process.exit(0)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
