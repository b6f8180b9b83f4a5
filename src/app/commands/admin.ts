import type { Command } from 'commander'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('run the admin dashboard role on PORT (/admin, /health, /ready, /metrics)')
    .action(async () => {
      const { runAdmin } = await import('../roles/admin.ts')
      await runAdmin()
    })
  admin
    .command('hash-password')
    .description(
      'print a scrypt hash for ADMIN_USERS=name:<hash> (password from stdin, so it stays out of shell history)',
    )
    .option('-u, --user <name>', 'print the whole name:hash entry')
    .action(async (options: { user?: string }) => {
      const { hashPassword } = await import('../../admin/auth/password-hash.ts')
      const password = await readStdin()
      if (password.length < 12) {
        process.stderr.write('password must be at least 12 characters\n')
        process.exit(2)
      }
      const hash = await hashPassword(password)
      process.stdout.write(`${options.user ? `${options.user}:` : ''}${hash}\n`)
    })
}
