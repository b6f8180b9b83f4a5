import type { Command } from 'commander'

export function registerScenarioCommand(program: Command): void {
  program
    .command('scenarios')
    .description('run the scenario suite: whole conversations against the simulated tenant (in-process)')
    .option('--filter <name>', 'only scenarios whose name or file contains this text, or of this category')
    .option('--json', 'print one JSON line {"total","passed","failed","failures"} instead of the table')
    .option('--dir <path>', 'directory of scenario YAML files (default: scenarios/)')
    .option('--transcript', 'print every conversation after its result line')
    .action(async (options: { filter?: string; json?: boolean; dir?: string; transcript?: boolean }) => {
      const { runScenarioCommand } = await import('../../scenarios/run-scenario-command.ts')
      process.exitCode = await runScenarioCommand(options)
    })
}
