import type { Adapters } from '../create-adapters.ts'

/** SIGINT/SIGTERM: finish the turns in flight, close connections, exit. */
export function handleShutdown(adapters: Adapters, extra?: () => Promise<void>): void {
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    adapters.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    await extra?.()
    await adapters.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}
