import type { Command } from 'commander'

export function registerRoleCommands(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description('run every role in one process (webhook, worker, sender, sandbox when no API is configured)')
    .action(async () => {
      process.stdout.write('serve: not implemented yet\n')
    })
}
