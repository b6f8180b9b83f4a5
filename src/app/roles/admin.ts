import { OperatorAccountsError, resolveOperatorAccounts } from '../../admin/auth/operator-accounts.ts'
import { createAdapters } from '../create-adapters.ts'
import { createAdminOptions } from '../create-admin-options.ts'
import { configFromEnvironment } from '../environment.ts'
import { handleShutdown } from './handle-shutdown.ts'
import { startHttp } from './start-http.ts'

/** The dashboard alone on PORT, with /health, /ready and /metrics; no webhook, no pipeline. */
export async function runAdmin(): Promise<void> {
  const config = configFromEnvironment()
  try {
    // Checked before anything connects: production without operator accounts must not start at all.
    await resolveOperatorAccounts({
      adminUsers: config.ADMIN_USERS,
      production: config.NODE_ENV === 'production',
      host: config.HOST,
    })
  } catch (error) {
    if (!(error instanceof OperatorAccountsError)) throw error
    process.stderr.write(`invalid configuration: ${error.message}\n`)
    process.exit(2)
  }
  const adapters = await createAdapters(config, 'admin')
  handleShutdown(adapters)
  const admin = await createAdminOptions(adapters, { required: true })
  const app = await startHttp(adapters, { webhook: false, dev: false, port: config.PORT, admin })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.PORT
  adapters.log.info({ port }, `admin dashboard on http://localhost:${port}/admin`)
}
