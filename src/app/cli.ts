import { Command } from 'commander'
import { registerAdminCommands } from './commands/admin.ts'
import { registerCorpusCommand } from './commands/corpus.ts'
import { registerEvalCommand } from './commands/eval.ts'
import { registerRegistryCommand } from './commands/registry.ts'
import { registerRoleCommands, registerToolingCommands } from './commands/roles.ts'
import { registerSandboxCommand } from './commands/sandbox.ts'
import { registerScenarioCommand } from './commands/scenarios.ts'
import { registerToolsCommand } from './commands/tools.ts'

// `m1 tools search ... | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

const program = new Command()
program.name('m1').description('MobilityOne WhatsApp assistant for fleet drivers').showHelpAfterError()

registerRoleCommands(program)
registerToolingCommands(program)
// Feature commands register here, one line each.
registerAdminCommands(program)
registerSandboxCommand(program)
registerRegistryCommand(program)
registerToolsCommand(program)
registerEvalCommand(program)
registerScenarioCommand(program)
registerCorpusCommand(program)

await program.parseAsync(process.argv)
