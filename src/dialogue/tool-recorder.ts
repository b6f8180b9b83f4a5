import type { ToolExecutionRecord } from '../ports/turn-handler.ts'

/**
 * Times every upstream call of a turn and keeps its record (tool, parameters, success,
 * duration) for `TurnResult.toolExecutions`; errors are recorded and rethrown.
 */
export class ToolRecorder {
  readonly executions: ToolExecutionRecord[] = []

  constructor(private readonly now: () => Date) {}

  async call<T>(tool: string, parameters: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
    const started = performance.now()
    const at = this.now()
    try {
      const result = await run()
      this.executions.push({ tool, parameters, success: true, durationMs: performance.now() - started, at })
      return result
    } catch (error) {
      this.executions.push({
        tool,
        parameters,
        success: false,
        error: error instanceof Error ? ((error as { code?: string }).code ?? error.name) : String(error),
        durationMs: performance.now() - started,
        at,
      })
      throw error
    }
  }
}
