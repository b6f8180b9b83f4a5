/** A component that must answer before the process is ready (database, Redis, the fleet API, ...). */
export interface ReadinessCheck {
  name: string
  check(): Promise<void>
}

export async function runReadinessChecks(
  checks: ReadinessCheck[],
  timeoutMs = 2000,
): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const results: Record<string, string> = {}
  await Promise.all(
    checks.map(async (item) => {
      let timer: NodeJS.Timeout | undefined
      try {
        await Promise.race([
          item.check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
          }),
        ])
        results[item.name] = 'ok'
      } catch (error) {
        results[item.name] = error instanceof Error ? error.message : String(error)
      } finally {
        clearTimeout(timer)
      }
    }),
  )
  return { ready: Object.values(results).every((value) => value === 'ok'), checks: results }
}
