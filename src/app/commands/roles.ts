import type { Command } from 'commander'

export function registerRoleCommands(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description('run every role in one process (webhook, worker, sender, sandbox when no API is configured)')
    .action(async () => {
      const { runRole } = await import('../roles/serve.ts')
      await runRole('serve')
    })
  program
    .command('webhook')
    .description('run the webhook HTTP role only (needs REDIS_URL to reach workers)')
    .action(async () => {
      const { runRole } = await import('../roles/serve.ts')
      await runRole('webhook')
    })
  program
    .command('worker')
    .description('run the turn worker and outbox sender (metrics on METRICS_PORT)')
    .action(async () => {
      const { runRole } = await import('../roles/serve.ts')
      await runRole('worker')
    })
  program
    .command('migrate')
    .description('apply database migrations')
    .action(async () => {
      const { runMigrate } = await import('../roles/migrate.ts')
      await runMigrate()
    })
}
