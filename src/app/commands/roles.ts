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

export function registerToolingCommands(program: Command): void {
  program
    .command('chat')
    .description('talk to the assistant in the terminal as a given phone number, through the same pipeline')
    .requiredOption('-p, --phone <number>', 'sender phone number, e.g. 385911234567 or 091 123 4567')
    .action(async (options: { phone: string }) => {
      const { runChat } = await import('../roles/chat.ts')
      await runChat(options.phone)
    })
  const dlq = program.command('dlq').description('inspect and replay turns that kept failing')
  dlq
    .command('list')
    .option('-n, --limit <n>', 'how many, newest first', '50')
    .option('--json', 'print one JSON line')
    .action(async (options: { limit: string; json?: boolean }) => {
      const { runDlq } = await import('../roles/dlq.ts')
      await runDlq('list', {
        limit: Math.max(1, Number(options.limit) || 50),
        ids: [],
        json: Boolean(options.json),
      })
    })
  dlq
    .command('replay [ids...]')
    .description('re-enqueue the given dead letters (all when none given)')
    .action(async (ids: string[]) => {
      const { runDlq } = await import('../roles/dlq.ts')
      await runDlq('replay', { limit: 0, ids, json: false })
    })
}
