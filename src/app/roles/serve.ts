import { isLoopbackHost } from '../../admin/auth/is-loopback-host.ts'
import { listSeededDrivers, type RunningSandbox } from '../../sandbox/mobilityone/index.ts'
import { createAdapters } from '../create-adapters.ts'
import { createAdminOptions } from '../create-admin-options.ts'
import { createTurnHandler } from '../create-turn-handler.ts'
import { configFromEnvironment } from '../environment.ts'
import { handleShutdown } from './handle-shutdown.ts'
import { startHttp } from './start-http.ts'
import { startPipeline } from './start-pipeline.ts'

function seededDrivers(sandbox: RunningSandbox) {
  return listSeededDrivers(sandbox.dataset).map((driver) => ({
    phone: driver.whatsapp,
    name: driver.displayName,
    note: [driver.plates.join(', ') || 'bez vozila', driver.tenantName].join(' · '),
  }))
}

/** Where to open the server, and who can reach it, for the start-up line. */
export function describeListenAddress(host: string, port: number): string {
  const anyAddress = host === '' || host === '0.0.0.0' || host === '::'
  if (isLoopbackHost(host))
    return `http://localhost:${port} (this machine only; HOST=0.0.0.0 opens it to the network)`
  const shown = anyAddress ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return `http://${shown}:${port} (HOST=${host || '(empty)'}: reachable from the network)`
}

export type Role = 'serve' | 'webhook' | 'worker'

export async function runRole(role: Role): Promise<void> {
  const config = configFromEnvironment()
  const adapters = await createAdapters(config, role, { upstream: role !== 'webhook' })
  handleShutdown(adapters)
  const devRoutes = config.NODE_ENV !== 'production' && config.DEV_ROUTES
  if (role === 'serve' || role === 'worker') {
    startPipeline(adapters, await createTurnHandler(adapters))
  }
  if (role === 'serve' || role === 'webhook') {
    const app = await startHttp(adapters, {
      webhook: true,
      dev: devRoutes && role === 'serve',
      port: config.PORT,
      drivers: adapters.sandbox ? async () => seededDrivers(adapters.sandbox!) : undefined,
      // The all-in-one process carries the dashboard; the internet-facing webhook role never does.
      admin: role === 'serve' ? await createAdminOptions(adapters, { required: false }) : undefined,
    })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.PORT
    adapters.log.info({ host: config.HOST, port }, `listening on ${describeListenAddress(config.HOST, port)}`)
  } else {
    // The worker has no HTTP server of its own: metrics and health on a separate port.
    await startHttp(adapters, { webhook: false, dev: false, port: config.METRICS_PORT })
    adapters.log.info(
      { host: config.HOST, port: config.METRICS_PORT },
      `worker running; metrics on ${describeListenAddress(config.HOST, config.METRICS_PORT)}/metrics`,
    )
  }
}
