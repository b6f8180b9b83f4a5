import { Command } from 'commander'
import { registerRoleCommands, registerToolingCommands } from './commands/roles.ts'

const program = new Command()
program.name('m1').description('MobilityOne WhatsApp assistant for fleet drivers').showHelpAfterError()

registerRoleCommands(program)
registerToolingCommands(program)
// Feature commands register here, one line each.

await program.parseAsync(process.argv)
