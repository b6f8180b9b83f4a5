import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline/promises'
import { normalizeInfobipPhone } from '../../channels/infobip/index.ts'
import { createAdapters } from '../create-adapters.ts'
import { createTurnHandler } from '../create-turn-handler.ts'
import { configFromEnvironment } from '../environment.ts'
import { startPipeline } from './start-pipeline.ts'

const replyWaitMs = 15_000
const quietMs = 400

/** A terminal conversation as one phone number, through the same queue, worker and outbox. */
export async function runChat(phoneArgument: string): Promise<void> {
  const phone = normalizeInfobipPhone(phoneArgument)
  if (!phone) {
    process.stderr.write(`invalid phone number: ${phoneArgument}\n`)
    process.exit(2)
  }
  const config = configFromEnvironment()
  const adapters = await createAdapters({ ...config, LOG_LEVEL: 'warn' }, 'chat', {
    devOutboxOnly: true,
    upstream: true,
  })
  startPipeline(adapters, await createTurnHandler(adapters))
  const seen = new Set((await adapters.devOutbox.list(phone, 200)).map((message) => message.messageId))
  const terminal = createInterface({ input: process.stdin, output: process.stdout })
  process.stdout.write(`Razgovor kao ${phone}. Prazan red ili Ctrl+D za izlaz.\n`)
  const lines = terminal[Symbol.asyncIterator]()
  try {
    for (;;) {
      process.stdout.write('> ')
      const next = await lines.next()
      const line = next.done ? '' : String(next.value)
      if (!line.trim()) break
      if (!process.stdin.isTTY) process.stdout.write(`${line}\n`)
      await adapters.inbound.enqueue([
        {
          messageId: `cli-${randomUUID()}`,
          from: phone,
          receivedAt: new Date().toISOString(),
          kind: 'text',
          text: line,
          channel: 'cli',
        },
      ])
      const started = Date.now()
      let lastNew = 0
      while (Date.now() - started < replyWaitMs) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        for (const message of await adapters.devOutbox.list(phone, 50)) {
          if (seen.has(message.messageId)) continue
          seen.add(message.messageId)
          lastNew = Date.now()
          const choices = [
            ...(message.buttons ?? []).map((button) => `[${button.title}]`),
            ...(message.list?.sections ?? []).flatMap((section) =>
              section.rows.map((row, i) => `${i + 1}. ${row.title}`),
            ),
          ]
          process.stdout.write(`\n${message.text}\n${choices.length ? `${choices.join('  ')}\n` : ''}\n`)
        }
        if (lastNew && Date.now() - lastNew > quietMs) break
      }
      if (!lastNew) process.stdout.write('(nema odgovora)\n')
    }
  } finally {
    terminal.close()
    await adapters.close()
  }
}
