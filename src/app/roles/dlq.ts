import { createAdapters } from '../create-adapters.ts'
import { configFromEnvironment } from '../environment.ts'

/** Dead letters live in Redis; without REDIS_URL each process has its own, so there is nothing to list. */
export async function runDlq(
  action: 'list' | 'replay',
  options: { limit: number; ids: string[]; json: boolean },
) {
  const config = configFromEnvironment()
  if (!config.REDIS_URL)
    process.stderr.write('note: REDIS_URL is not set; the in-memory dead-letter list is empty\n')
  const adapters = await createAdapters({ ...config, LOG_LEVEL: 'warn' }, 'dlq')
  try {
    if (action === 'list') {
      const letters = await adapters.inbound.listDeadLetters(options.limit)
      if (options.json) {
        process.stdout.write(`${JSON.stringify(letters)}\n`)
      } else {
        for (const letter of letters) {
          process.stdout.write(
            `${letter.id}  ${letter.failedAt}  attempts=${letter.attempts}  messageId=${letter.message.messageId}  ${letter.error}\n`,
          )
        }
        process.stdout.write(`${letters.length} dead letter(s)\n`)
      }
    } else {
      const replayed = await adapters.inbound.replayDeadLetters(options.ids)
      process.stdout.write(`${replayed} dead letter(s) re-enqueued\n`)
    }
  } finally {
    await adapters.close()
  }
}
